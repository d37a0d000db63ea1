package org.vigie.site;

import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.photo.PhotoImagesTest;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Sql;
import org.vigie.support.TestImages;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Floor plans (issue 16, item 5): uploaded without metadata, placed on the map, replaced and removed by version. */
@QuarkusTest
class FloorPlanResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Sql sql;

    /** Bounds read as doubles: a float holds a longitude of 160° only to 1.5e-5, coarser than what is checked. */
    private static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void aPlanWithExifComesBackWithoutMetadataPlacedOverTheSitesOutline() {
        double[] spot = Api.freshSpot();
        long site = newSite(spot);
        Response created = upload(Accounts.volunteer().authorized(), site, "1", "plan-1er.jpg", "image/jpeg",
                TestImages.phoneJpeg(3000, 2000, 1));
        created.then().statusCode(201).header("ETag", "\"1\"")
                .header("Location", containsString("/api/sites/" + site + "/floors/1/plan"))
                .body("level", equalTo("1")).body("siteId", equalTo((int) site))
                .body("width", equalTo(2400)).body("height", equalTo(1600)).body("version", equalTo(1));
        JsonPath plan = created.jsonPath(DOUBLES);
        // no bounds sent: the plan lies over the outline (±0.0005°), as wide as fits with its 3:2 proportions
        List<Double> bounds = plan.getList("bounds", Double.class);
        assertTrue(bounds.get(0) >= spot[0] - 0.00051 && bounds.get(2) <= spot[0] + 0.00051, bounds::toString);
        assertTrue(bounds.get(1) >= spot[1] - 0.00051 && bounds.get(3) <= spot[1] + 0.00051, bounds::toString);
        assertTrue(Math.abs((bounds.get(0) + bounds.get(2)) / 2 - spot[0]) < 1e-5, "centred: " + bounds);

        byte[] served = given().get(plan.getString("url")).then().statusCode(200).contentType("image/jpeg")
                .header("Cache-Control", containsString("max-age=")).extract().asByteArray();
        PhotoImagesTest.assertMetadataFree(served);
        long id = plan.getLong("id");
        assertEquals(0, sql.count("SELECT count(*) FROM floor_plan WHERE id = ? AND (position('Exif' in image) > 0"
                + " OR position('GPS' in image) > 0)", id));

        // the site lists the plan with its floor; the other floor has none
        given().get("/api/sites/" + site).then().statusCode(200)
                .body("floors[1].plan.url", equalTo("/api/floor-plans/" + id))
                .body("floors[1].plan.width", equalTo(2400))
                .body("floors[0].plan", nullValue());
        given().get("/api/sites/" + site + "/floors/1/plan").then().statusCode(200).header("ETag", "\"1\"")
                .body("id", equalTo((int) id));
        given().get("/api/sites/" + site + "/floors/0/plan").then().statusCode(404).contentType(PROBLEM);

        // a PNG with its text, EXIF and colour profile chunks: only its pixels are kept
        String png = upload(Accounts.volunteer().authorized(), site, "0", "rdc.png", "image/png",
                TestImages.pngWithMetadata(600, 400)).then().statusCode(201).extract().jsonPath().getString("url");
        PhotoImagesTest.assertMetadataFree(given().get(png).then().statusCode(200).extract().asByteArray());
        // a site sent back as read (plans included) is accepted: the plans are changed through their own routes
        String read = given().get("/api/sites/" + site).then().extract().asString();
        Api.asVolunteer().header("If-Match", "\"1\"").body(read).put("/api/sites/" + site).then().statusCode(200)
                .body("floors[0].plan.url", equalTo(png));
    }

    @Test
    void badImagesAndBadFloorsAreRefusedByNameAndNothingIsStored() {
        long site = newSite(Api.freshSpot());
        RequestSpecification volunteer = Accounts.volunteer().authorized();
        upload(volunteer, site, "1", "plan.pdf", "application/pdf", "%PDF-1.4 not an image\n".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(415).contentType(PROBLEM).body("errors[0].field", equalTo("file"));
        upload(Accounts.volunteer().authorized(), site, "1", "bomb.png", "image/png", TestImages.pngClaiming(20_000, 20_000))
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("file"))
                .body("detail", containsString("megapixels"));
        byte[] eleven = TestImages.concat(TestImages.phoneJpeg(100, 100, 1), new byte[10 * 1024 * 1024 + 10]);
        upload(Accounts.volunteer().authorized(), site, "1", "big.jpg", "image/jpeg", eleven)
                .then().statusCode(413).contentType(PROBLEM).body("errors[0].field", equalTo("file"));
        Accounts.volunteer().authorized().multiPart("other", "x").put("/api/sites/" + site + "/floors/1/plan")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("file"));
        Accounts.volunteer().authorized().multiPart("file", "a.jpg", TestImages.phoneJpeg(100, 100, 1), "image/jpeg")
                .multiPart("bounds", "2.35,48.85").put("/api/sites/" + site + "/floors/1/plan")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("bounds"));
        // a floor the site does not list, and a site that does not exist
        upload(Accounts.volunteer().authorized(), site, "7", "a.jpg", "image/jpeg", TestImages.phoneJpeg(100, 100, 1))
                .then().statusCode(404).contentType(PROBLEM).body("detail", containsString("0, 1"));
        upload(Accounts.volunteer().authorized(), 987_654_321L, "1", "a.jpg", "image/jpeg", TestImages.phoneJpeg(100, 100, 1))
                .then().statusCode(404).contentType(PROBLEM);
        // in French for a French client
        Accounts.volunteer().authorized().header("Accept-Language", "fr").multiPart("other", "x")
                .put("/api/sites/" + site + "/floors/1/plan").then().statusCode(400)
                .body("errors[0].reason", equalTo("joignez le plan dans le champ multipart « file »"));
        assertEquals(0, sql.count("SELECT count(*) FROM floor_plan WHERE site_id = ?", site));
    }

    @Test
    void placingReplacingAndRemovingFollowThePlansVersion() {
        double[] spot = Api.freshSpot();
        long site = newSite(spot);
        String route = "/api/sites/" + site + "/floors/1/plan";
        String given = String.format(java.util.Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", spot[0] - 0.0003, spot[1] - 0.0002,
                spot[0] + 0.0003, spot[1] + 0.0002);
        JsonPath first = Accounts.volunteer().authorized().multiPart("file", "a.png", TestImages.png(300, 200), "image/png")
                .multiPart("bounds", given).put(route).then().statusCode(201).extract().jsonPath(DOUBLES);
        assertEquals(spot[0] - 0.0003, first.getList("bounds", Double.class).get(0), 1e-6);

        List<Double> moved = List.of(spot[0] - 0.0004, spot[1] - 0.0001, spot[0] + 0.0002, spot[1] + 0.0003);
        Api.asVolunteer().header("If-Match", "\"1\"").body(java.util.Map.of("bounds", moved)).put(route + "/bounds")
                .then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2));
        assertEquals(spot[1] + 0.0003, sql.decimal("SELECT north FROM floor_plan WHERE site_id = ? AND removed_at IS NULL", site), 1e-9);
        // a colleague who read version 1 is told, and nothing of theirs is written
        Api.asVolunteer().header("If-Match", "\"1\"").body(java.util.Map.of("bounds", moved)).put(route + "/bounds")
                .then().statusCode(409).contentType(PROBLEM).body("currentVersion", equalTo(2));
        Api.asVolunteer().body(java.util.Map.of("bounds", moved)).put(route + "/bounds").then().statusCode(428);
        Api.asVolunteer().header("If-Match", "\"2\"").body(java.util.Map.of("bounds", List.of(2, 48, 3, 49)))
                .put(route + "/bounds").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("bounds"));
        Api.asVolunteer().header("If-Match", "\"2\"").body(java.util.Map.of("bounds", moved, "angle", 12))
                .put(route + "/bounds").then().statusCode(400).body("errors[0].field", equalTo("angle"));

        // replacing needs the version too; the replaced image is no longer served
        upload(Accounts.volunteer().authorized(), site, "1", "b.png", "image/png", TestImages.png(200, 300))
                .then().statusCode(428).contentType(PROBLEM);
        JsonPath second = Accounts.volunteer().authorized().header("If-Match", "\"2\"")
                .multiPart("file", "b.png", TestImages.png(200, 300), "image/png").put(route)
                .then().statusCode(200).header("ETag", "\"3\"").body("width", equalTo(200)).extract().jsonPath();
        assertNotEquals(first.getLong("id"), second.getLong("id"));
        given().get(first.getString("url")).then().statusCode(410).contentType(PROBLEM);
        given().get(second.getString("url")).then().statusCode(200);

        // removed: its row is kept, the floor shows none (410), and a new plan may come
        Api.asVolunteer().header("If-Match", "\"2\"").delete(route).then().statusCode(409);
        Api.asVolunteer().header("If-Match", "\"3\"").delete(route).then().statusCode(204);
        given().get(route).then().statusCode(410).contentType(PROBLEM);
        given().get(second.getString("url")).then().statusCode(410);
        given().get("/api/sites/" + site).then().body("floors[1].plan", nullValue());
        assertEquals(2, sql.count("SELECT count(*) FROM floor_plan WHERE site_id = ? AND removed_at IS NOT NULL", site));
        upload(Accounts.volunteer().authorized(), site, "1", "c.png", "image/png", TestImages.png(300, 200))
                .then().statusCode(201).body("version", equalTo(1));
    }

    @Test
    void anAnonymousUploadIsRefusedBeforeItsBodyIsRead() throws IOException {
        long site = newSite(Api.freshSpot());
        given().multiPart("file", "a.png", TestImages.png(30, 20), "image/png").put("/api/sites/" + site + "/floors/1/plan")
                .then().statusCode(401);
        // announced as 9 MB, only its first kilobyte sent: the answer comes without waiting for the rest
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/sites/" + site + "/floors/1/plan HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: 9000000\r\n\r\n"
                    + "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n"
                    + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[1024]);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            assertEquals("HTTP/1.1 401", new String(head, StandardCharsets.ISO_8859_1));
        }
        assertEquals(0, sql.count("SELECT count(*) FROM floor_plan WHERE site_id = ?", site));
    }

    private static long newSite(double[] spot) {
        return Api.asVolunteer().body(SiteResourceTest.townHall(spot)).post("/api/sites").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static Response upload(RequestSpecification as, long site, String level, String name, String type, byte[] bytes) {
        return as.multiPart("file", name, bytes, type).put("/api/sites/" + site + "/floors/" + level + "/plan");
    }
}
