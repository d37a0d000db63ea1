package org.vigie.verification;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.city.CityFixtures;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.support.Api.PROBLEM;

/**
 * toRecheck=true|false on every read that takes the camera filters: the search (both views), the
 * clusters, the export and a city's statistics keep the cameras whose toRecheck flag says so, and
 * their counts are those of SQL on the stored dates (issue 15: volunteers find the cameras to
 * re-check near them; a journalist filters and exports them).
 */
@QuarkusTest
class RecheckFilterTest {

    /** The flag's own rule, in SQL, read independently of the code under test (two years, application.properties). */
    static final String DUE = "coalesce(last_confirmed_at, created_at) < now() - interval '730 days'";

    @Inject
    Sql sql;
    @Inject
    CityFixtures fixtures;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    /** Five cameras around a fresh spot: two never seen for three years, one old but confirmed last month, two new. */
    private Set<Long> placeCameras(double[] spot) {
        Set<Long> due = new HashSet<>();
        long old1 = Api.create(spot[0], spot[1], Map.of());
        long old2 = Api.create(spot[0] + 0.003, spot[1] + 0.002, Map.of("kind", "alpr"));
        long reconfirmed = Api.create(spot[0] - 0.002, spot[1], Map.of());
        Api.create(spot[0] + 0.001, spot[1] - 0.001, Map.of());
        Api.create(spot[0] + 0.02, spot[1] + 0.01, Map.of());
        sql.update("UPDATE camera SET created_at = now() - interval '3 years' WHERE id IN (?, ?, ?)", old1, old2, reconfirmed);
        sql.update("UPDATE camera SET last_confirmed_at = now() - interval '30 days' WHERE id = ?", reconfirmed);
        due.add(old1);
        due.add(old2);
        return due;
    }

    /** The cameras due (or not) in this box, west, south, east, north: a position on the east or north edge is the next cell's. */
    private long sqlCountIn(double[] box, boolean due) {
        return sql.count("SELECT count(*) FROM camera WHERE visible AND ST_X(position) >= ? AND ST_X(position) < ? "
                + "AND ST_Y(position) >= ? AND ST_Y(position) < ? AND " + (due ? "" : "NOT ") + "(" + DUE + ")",
                box[0], box[2], box[1], box[3]);
    }

    private long sqlCount(double[] spot, double half, boolean due) {
        return sql.count("SELECT count(*) FROM camera WHERE visible AND position && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND "
                + (due ? "" : "NOT ") + "(" + DUE + ")", spot[0] - half, spot[1] - half, spot[0] + half, spot[1] + half);
    }

    @Test
    void theSearchKeepsTheCamerasToRecheckInBothViews() {
        double[] spot = Api.freshSpot();
        Set<Long> due = placeCameras(spot);
        String bbox = Api.bboxAround(spot, 0.05);
        assertEquals(2, sqlCount(spot, 0.05, true));
        assertEquals(3, sqlCount(spot, 0.05, false));
        for (String view : List.of("full", "map")) {
            JsonPath recheck = given().queryParam("bbox", bbox).queryParam("view", view).queryParam("toRecheck", "true")
                    .get("/api/cameras").then().statusCode(200).extract().jsonPath();
            assertEquals(due, new HashSet<>(recheck.getList("features.id", Long.class)), view);
            assertEquals(List.of(true, true), recheck.getList("features.properties.toRecheck"), view);

            JsonPath others = given().queryParam("bbox", bbox).queryParam("view", view).queryParam("toRecheck", "false")
                    .get("/api/cameras").then().statusCode(200).extract().jsonPath();
            assertEquals(3, others.getList("features").size(), view);
            assertTrue(others.getList("features.properties.toRecheck").stream().allMatch(Boolean.FALSE::equals), view);

            int all = given().queryParam("bbox", bbox).queryParam("view", view).get("/api/cameras").then().statusCode(200)
                    .extract().jsonPath().getList("features").size();
            assertEquals(5, all, "without the parameter: every camera, " + view);
        }
        // combined with another filter
        given().queryParam("bbox", bbox).queryParam("toRecheck", "true").queryParam("kind", "alpr").get("/api/cameras")
                .then().statusCode(200).body("features.size()", equalTo(1));
    }

    @Test
    void clusterCountsAreThoseOfSqlAtAggregatedAndDeepZooms() {
        double[] spot = Api.freshSpot();
        placeCameras(spot);
        for (int zoom : List.of(8, 16)) {
            // the clusters widen the box to whole cells (0.35° at zoom 8): SQL counts a box holding them
            double half = 0.05;
            JsonPath due = given().queryParam("bbox", Api.bboxAround(spot, half)).queryParam("zoom", zoom)
                    .queryParam("toRecheck", "true").get("/api/cameras/clusters").then().statusCode(200).extract().jsonPath();
            JsonPath notDue = given().queryParam("bbox", Api.bboxAround(spot, half)).queryParam("zoom", zoom)
                    .queryParam("toRecheck", "false").get("/api/cameras/clusters").then().statusCode(200).extract().jsonPath();
            // SQL counts the very cells the answer covers (whole cells of cellSize degrees around the
            // box): a camera of another test in the same square, outside them, is in neither count
            double cell = due.getDouble("cellSize");
            double[] cells = {Math.floor((spot[0] - half) / cell) * cell, Math.floor((spot[1] - half) / cell) * cell,
                    (Math.floor((spot[0] + half) / cell) + 1) * cell, (Math.floor((spot[1] + half) / cell) + 1) * cell};
            assertEquals(sqlCountIn(cells, true), due.getLong("count"), "zoom " + zoom);
            assertEquals(sqlCountIn(cells, false), notDue.getLong("count"), "zoom " + zoom);
            assertTrue(due.getLong("count") >= 2 && notDue.getLong("count") >= 3, "this test's cameras, zoom " + zoom);
            assertEquals(due.getLong("count"), due.getList("features.properties.count", Long.class).stream()
                    .mapToLong(Long::longValue).sum(), "the cells add up, zoom " + zoom);
        }
    }

    @Test
    void theExportHoldsTheCamerasToRecheckOnly() {
        double[] spot = Api.freshSpot();
        Set<Long> due = placeCameras(spot);
        String bbox = Api.bboxAround(spot, 0.05);
        JsonPath geojson = given().queryParam("bbox", bbox).queryParam("format", "geojson").queryParam("toRecheck", "true")
                .get("/api/cameras/export").then().statusCode(200).extract().jsonPath();
        assertEquals(due, new HashSet<>(geojson.getList("features.id", Long.class)));
        String csv = given().queryParam("bbox", bbox).queryParam("format", "csv").queryParam("toRecheck", "false")
                .get("/api/cameras/export").then().statusCode(200).extract().asString();
        assertEquals(1 + 3, csv.strip().split("\r?\n").length, "a header and the three cameras seen lately:\n" + csv);
    }

    @Test
    void aCitysStatisticsCountTheCamerasToRecheckAsSqlDoes() {
        CityFixtures.assumeData();
        fixtures.clearCities();
        fixtures.importCommunes();
        fixtures.loadLegacyCameras();
        String lyon = "69123";
        // the import dates the cameras of today: a third of Lyon's were last seen three years ago
        sql.update("UPDATE camera SET created_at = now() - interval '3 years' WHERE city_code = ? AND id % 3 = 0", lyon);
        long due = sql.count("SELECT count(*) FROM camera WHERE visible AND city_code = ? AND " + DUE, lyon);
        long notDue = sql.count("SELECT count(*) FROM camera WHERE visible AND city_code = ? AND NOT (" + DUE + ")", lyon);
        assertTrue(due > 50 && notDue > 50, due + " to re-check, " + notDue + " not");
        given().queryParam("toRecheck", "true").get("/api/cities/{code}/stats", lyon).then().statusCode(200)
                .body("total", equalTo((int) due));
        given().queryParam("toRecheck", "false").get("/api/cities/{code}/stats", lyon).then().statusCode(200)
                .body("total", equalTo((int) notDue));
        // a city's clusters go the live way: the same count
        given().queryParam("city", lyon).queryParam("zoom", 12).queryParam("toRecheck", "true")
                .get("/api/cameras/clusters").then().statusCode(200).body("count", equalTo((int) due));
    }

    @Test
    void aBadValueIsRefusedNamingTheParameterEverywhere() {
        double[] spot = Api.freshSpot();
        String bbox = Api.bboxAround(spot, 0.01);
        for (String path : List.of("/api/cameras", "/api/cameras/clusters?zoom=10", "/api/cameras/export?format=csv")) {
            given().queryParam("bbox", bbox).queryParam("toRecheck", "yes").get(path).then().statusCode(400)
                    .contentType(PROBLEM)
                    .body("errors[0].field", equalTo("toRecheck"))
                    .body("errors[0].reason", containsString("true or false"));
        }
        given().header("Accept-Language", "fr").queryParam("bbox", bbox).queryParam("toRecheck", "1")
                .get("/api/cameras").then().statusCode(400).body("errors[0].reason", containsString("true ou false"));
    }

    @Test
    void theOpenApiDocumentTypesItAsABoolean() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/cameras'.get.parameters.find { it.name == 'toRecheck' }.schema.type", equalTo("boolean"))
                .body("paths.'/api/cameras/clusters'.get.parameters.find { it.name == 'toRecheck' }.schema.type",
                        equalTo("boolean"))
                .body("paths.'/api/cameras/export'.get.parameters.find { it.name == 'toRecheck' }.description",
                        containsString("re-check"));
    }
}
