package org.vigie.account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.support.Accounts;
import org.vigie.support.Accounts.TestAccount;
import org.vigie.support.Api;
import org.vigie.support.TestImages;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every endpoint × every kind of caller, as one table: reads are public, writes need an account
 * (401), and the wrong role gets 403; both as problem+json. "author" is the volunteer who added the
 * camera the row acts on, and who uploaded the photo of the photo rows.
 */
@QuarkusTest
class RolesTest {

    private static final String TABLE = """
            endpoint          anonymous volunteer author moderator admin
            read-camera       200       200       200    200       200
            read-history      200       200       200    200       200
            read-account      200       200       200    200       200
            create-camera     401       201       201    201       201
            edit-camera       401       200       200    200       200
            delete-camera     401       403       204    204       204
            import-file       401       403       403    403       200
            change-role       401       403       403    403       200
            me                401       200       200    200       200
            confirm-camera    401       201       200    201       201
            report-camera     401       201       201    201       201
            revert-camera     401       200       200    200       200
            report-queue      401       403       403    200       200
            resolve-dispute   401       403       403    200       200
            hide-camera       401       403       403    200       200
            restore-camera    401       403       403    200       200
            merge-camera      401       403       403    200       200
            revert-account    401       403       403    200       200
            read-photo        200       200       200    200       200
            add-photo         401       201       201    201       201
            remove-photo      401       403       204    204       204
            logout            401       204       204    204       204
            """;

    private static final String OSM = "<osm version=\"0.6\"><node id=\"%d\" lat=\"%f\" lon=\"%f\">"
            + "<tag k=\"man_made\" v=\"surveillance\"/></node></osm>";

    private static final Map<String, BiFunction<RequestSpecification, Long, Response>> ENDPOINTS = Map.ofEntries(
            Map.entry("read-camera", (r, id) -> r.get("/api/cameras/{id}", id)),
            Map.entry("read-history", (r, id) -> r.get("/api/cameras/{id}/history", id)),
            Map.entry("read-account", (r, id) -> r.get("/api/accounts/{name}", Accounts.volunteer().username())),
            Map.entry("create-camera", (r, id) -> r.contentType("application/json").body(somewhere()).post("/api/cameras")),
            Map.entry("edit-camera", (r, id) -> r.contentType("application/json").header("If-Match", "\"1\"")
                    .body(somewhere()).put("/api/cameras/{id}", id)),
            Map.entry("delete-camera", (r, id) -> r.header("If-Match", "\"1\"").delete("/api/cameras/{id}", id)),
            Map.entry("import-file", (r, id) -> {
                double[] spot = Api.freshSpot();
                return r.multiPart("file", "survey.osm", String.format(java.util.Locale.ROOT, OSM, id, spot[1], spot[0]).getBytes())
                        .post("/api/imports");
            }),
            Map.entry("change-role", (r, id) -> r.contentType("application/json").body(Map.of("role", "moderator"))
                    .put("/api/accounts/{name}/role", Accounts.fresh(Role.VOLUNTEER).username())),
            Map.entry("me", (r, id) -> r.get("/api/auth/me")),
            Map.entry("logout", (r, id) -> r.post("/api/auth/logout")),
            Map.entry("confirm-camera", (r, id) -> r.post("/api/cameras/{id}/confirmations", id)),
            Map.entry("report-camera", (r, id) -> r.contentType("application/json").body(Map.of("reason", "fake"))
                    .post("/api/cameras/{id}/reports", id)),
            Map.entry("revert-camera", (r, id) -> {
                RolesTest.author.request().header("If-Match", "\"1\"").body(somewhere()).put("/api/cameras/{id}", id).then().statusCode(200);
                return r.contentType("application/json").header("If-Match", "\"2\"").body(Map.of("version", 1))
                        .post("/api/cameras/{id}/revert", id);
            }),
            Map.entry("report-queue", (r, id) -> r.get("/api/moderation/reports")),
            Map.entry("resolve-dispute", (r, id) -> r.contentType("application/json").body(Map.of("status", "verified"))
                    .post("/api/moderation/cameras/{id}/resolution", id)),
            Map.entry("hide-camera", (r, id) -> r.post("/api/moderation/cameras/{id}/hide", id)),
            Map.entry("restore-camera", (r, id) -> {
                Accounts.moderator().authorized().post("/api/moderation/cameras/{id}/hide", id).then().statusCode(200);
                return r.post("/api/moderation/cameras/{id}/restore", id);
            }),
            Map.entry("read-photo", (r, id) -> r.get("/api/photos/{photo}", photoByTheAuthor(id))),
            Map.entry("add-photo", (r, id) -> r.multiPart("file", "a.jpg", TestImages.phoneJpeg(40, 30, 1), "image/jpeg")
                    .post("/api/cameras/{id}/photos", id)),
            Map.entry("remove-photo", (r, id) -> r.delete("/api/photos/{photo}", photoByTheAuthor(id))),
            Map.entry("merge-camera", (r, id) -> r.contentType("application/json").body(Map.of("into", cameraByTheAuthorBeside(id)))
                    .post("/api/moderation/cameras/{id}/merge", id)),
            Map.entry("revert-account", (r, id) -> r.contentType("application/json").body(Map.of())
                    .post("/api/moderation/accounts/{name}/revert", Accounts.fresh(Role.VOLUNTEER).username())));

    private static TestAccount author;

    @BeforeAll
    static void setUp() {
        Api.init();
    }

    static Stream<Arguments> table() {
        List<String> lines = TABLE.lines().filter(l -> !l.isBlank()).toList();
        List<String> callers = Arrays.asList(lines.get(0).trim().split("\\s+")).subList(1, 6);
        return lines.subList(1, lines.size()).stream().flatMap(line -> {
            String[] cells = line.trim().split("\\s+");
            return callers.stream().map(c -> Arguments.of(cells[0], c, Integer.parseInt(cells[1 + callers.indexOf(c)])));
        });
    }

    @ParameterizedTest(name = "{0} by {1} -> {2}")
    @MethodSource("table")
    void answersAsTheTableSays(String endpoint, String caller, int expected) {
        long camera = cameraByTheAuthor();
        Response response = ENDPOINTS.get(endpoint).apply(request(caller), camera);
        assertEquals(expected, response.statusCode(), endpoint + " by " + caller + ": " + response.asString());
        if (expected >= 400) {
            response.then().contentType(Api.PROBLEM).body("status", org.hamcrest.Matchers.equalTo(expected))
                    .body("detail", not(containsString("Exception"))).body("detail", not(containsString("io.quarkus")));
        }
    }

    /** A new camera each time, so that a row's edit or deletion never meets another row's. */
    private static long cameraByTheAuthor() {
        synchronized (RolesTest.class) {
            if (author == null) {
                author = Accounts.established(Role.VOLUNTEER);
            }
        }
        return author.request().queryParam("confirmDuplicate", "true").body(somewhere()).post("/api/cameras")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Another camera by the author, 10 m east of {@code camera}: close enough to be its duplicate. */
    private static long cameraByTheAuthorBeside(long camera) {
        var at = author.request().get("/api/cameras/{id}", camera).then().statusCode(200).extract().jsonPath();
        double lon = at.getDouble("geometry.coordinates[0]"), lat = at.getDouble("geometry.coordinates[1]");
        double tenMetres = 10 / (111_320 * Math.cos(Math.toRadians(lat)));
        return author.request().queryParam("confirmDuplicate", "true").body(Api.feature(lon + tenMetres, lat, Map.of()))
                .post("/api/cameras").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A photo the author uploaded to the camera: the author may remove it, as may moderators. */
    private static long photoByTheAuthor(long camera) {
        return author.authorized().multiPart("file", "a.jpg", TestImages.phoneJpeg(40, 30, 1), "image/jpeg")
                .post("/api/cameras/{id}/photos", camera).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static RequestSpecification request(String caller) {
        return switch (caller) {
            case "anonymous" -> given();
            case "volunteer" -> session(Accounts.volunteer());
            case "author" -> session(author);
            case "moderator" -> session(Accounts.moderator());
            case "admin" -> session(Accounts.admin());
            default -> throw new IllegalArgumentException(caller);
        };
    }

    /** A token of its own for each request, since the logout row revokes the one it carries. */
    private static RequestSpecification session(TestAccount account) {
        return Accounts.anotherSession(account).authorized();
    }

    private static Map<String, Object> somewhere() {
        double[] spot = Api.freshSpot();
        return Api.feature(spot[0], spot[1], Map.of());
    }
}
