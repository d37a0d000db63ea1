package org.vigie.cluster;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.support.Api.PROBLEM;

/** GET /api/cameras/clusters: counts per grid cell, filters, and bad parameters. */
@QuarkusTest
class ClusterResourceTest {

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void countsCamerasPerCellAtTheirMeanPosition() {
        double[] spot = Api.freshSpot();
        // at zoom 8 a cell is 360/256/4 ≈ 0.35°: three cameras well inside one cell (wherever the
        // random spot falls, they never straddle its border), the fourth in the next cell diagonally
        double cell = ClusterGrid.at(8).cellDegrees();
        double west = Math.floor(spot[0] / cell) * cell + 0.4 * cell;
        double south = Math.floor(spot[1] / cell) * cell + 0.4 * cell;
        spot = new double[] {west, south};
        Api.create(spot[0], spot[1], Map.of());
        Api.create(spot[0] + 0.001, spot[1] + 0.001, Map.of());
        Api.create(spot[0] + 0.002, spot[1], Map.of());
        Api.create(spot[0] + cell, spot[1] + cell, Map.of());

        JsonPath body = given().queryParam("bbox", Api.bboxAround(spot, 1)).queryParam("zoom", 8)
                .get("/api/cameras/clusters")
                .then().statusCode(200).contentType(Api.GEOJSON)
                .body("type", equalTo("FeatureCollection"))
                .body("count", equalTo(4))
                .body("zoom", equalTo(8))
                .body("features", hasSize(2))
                .body("features.properties.count", containsInAnyOrder(3, 1))
                .body("features.geometry.type", everyItem(equalTo("Point")))
                .extract().jsonPath();

        // the densest cell comes first; its point is the mean of its three cameras
        List<Float> center = body.getList("features[0].geometry.coordinates", Float.class);
        assertEquals(spot[0] + 0.001, center.get(0), 1e-4);
        assertEquals(spot[1] + 1.0 / 3 * 0.001, center.get(1), 1e-4);
        List<Float> bounds = body.getList("features[0].properties.bounds", Float.class);
        assertTrue(bounds.get(0) <= spot[0] && spot[0] + 0.002 <= bounds.get(2), "the cell holds its cameras: " + bounds);
        assertTrue(bounds.get(1) <= spot[1] && spot[1] + 0.001 <= bounds.get(3), "the cell holds its cameras: " + bounds);
    }

    @Test
    void deeperZoomSplitsCellsAndOutsideCamerasAreLeftOut() {
        double[] spot = Api.freshSpot();
        Api.create(spot[0], spot[1], Map.of());
        Api.create(spot[0] + 0.01, spot[1], Map.of());
        Api.create(spot[0] + 0.5, spot[1], Map.of()); // beyond the cells the bbox below touches (0.088° at zoom 10)

        given().queryParam("bbox", Api.bboxAround(spot, 0.1)).queryParam("zoom", 10)
                .get("/api/cameras/clusters")
                .then().statusCode(200).body("count", equalTo(2)).body("features.properties.count.sum()", equalTo(2));
        given().queryParam("bbox", Api.bboxAround(spot, 0.1)).queryParam("zoom", 16)
                .get("/api/cameras/clusters")
                .then().statusCode(200).body("count", equalTo(2)).body("features", hasSize(2));
    }

    @Test
    void aCellOnTheEdgeOfTheViewCountsAllItsCamerasWhicheverWayItIsCounted() {
        double[] spot = Api.freshSpot();
        double cell = ClusterGrid.at(12).cellDegrees();
        double west = Math.floor(spot[0] / cell) * cell;
        double south = Math.floor(spot[1] / cell) * cell;
        Api.create(west + 0.2 * cell, south + 0.5 * cell, Map.of("operator", "Edge"));
        Api.create(west + 0.8 * cell, south + 0.5 * cell, Map.of("operator", "Edge"));
        // the view starts in the middle of the cell: the first camera is off screen, yet in the cell
        String bbox = (west + 0.5 * cell) + "," + south + "," + (west + 3 * cell) + "," + (south + 0.9 * cell);

        for (int zoom : new int[] {12, ClusterGrid.MAX_AGGREGATED_ZOOM + 1}) {
            // no filter: the aggregates down to MAX_AGGREGATED_ZOOM; an operator: grouped per request
            for (String operator : new String[] {null, "edge"}) {
                JsonPath body = given().queryParam("bbox", bbox).queryParam("zoom", zoom)
                        .queryParams(operator == null ? Map.of() : Map.of("operator", operator))
                        .get("/api/cameras/clusters").then().statusCode(200).extract().jsonPath()
                        .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
                String label = "zoom " + zoom + ", operator " + operator;
                if (zoom == 12) {
                    assertEquals(2, body.getInt("count"), label);
                    assertEquals(west + 0.5 * cell, body.getDouble("features[0].geometry.coordinates[0]"), 1e-6, label);
                    assertEquals(west, body.getDouble("features[0].properties.bounds[0]"), 1e-9, label);
                } else {
                    assertEquals(1, body.getInt("count"), label + ": only the second camera's deeper cell is in view");
                }
            }
        }
    }

    @Test
    void filtersAreThoseOfTheCameraSearch() {
        double[] spot = Api.freshSpot();
        Api.create(spot[0], spot[1], Map.of("kind", "alpr", "operator", "Ville de Nice", "operatorType", "public"));
        Api.create(spot[0], spot[1], Map.of("kind", "camera", "operator", "Ville de Nice", "operatorType", "public"));
        Api.create(spot[0], spot[1], Map.of("kind", "camera", "operator", "Tabac", "operatorType", "private",
                "signage", "present"));
        String bbox = Api.bboxAround(spot, 0.01);

        assertCount(bbox, "kind", "alpr", 1);
        assertCount(bbox, "kind", "camera,alpr", 3);
        assertCount(bbox, "operator", "VILLE DE NICE", 2);
        assertCount(bbox, "operatorType", "private", 1);
        assertCount(bbox, "signage", "present", 1);
        assertCount(bbox, "status", "verified", 0);
    }

    @Test
    void moreCellsThanCanBeDrawnKeepsTheDensestAndSaysSo() {
        double[] spot = Api.freshSpot();
        // 2,100 cameras 0.0001° apart: at zoom 22 (cells of 0.00002°) each is alone in its cell, and one cell holds two
        sql.update("INSERT INTO camera (position, field_of_view, range_m)"
                + " SELECT p, 60, 40 FROM (SELECT ST_SetSRID(ST_MakePoint(? + (i % 50) * 0.0001 + 0.000005,"
                + " ? + (i / 50) * 0.0001 + 0.000005), 4326) AS p FROM generate_series(0, 2099) AS i) AS s", spot[0], spot[1]);
        Api.create(spot[0] + 0.000005, spot[1] + 0.000005, Map.of()); // on the first one

        given().queryParam("bbox", Api.bboxAround(spot, 0.01)).queryParam("zoom", 22)
                .get("/api/cameras/clusters")
                .then().statusCode(200)
                .body("count", equalTo(2101))
                .body("truncated", equalTo(true))
                .body("features", hasSize(ClusterService.MAX_CELLS))
                .body("features[0].properties.count", equalTo(2));
    }

    @Test
    void badParametersAreProblemsNamingEachField() {
        given().queryParam("bbox", "1,2,3").queryParam("zoom", "23").get("/api/cameras/clusters")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("bbox", "zoom"))
                .body("errors.reason", hasItem(containsString("0 to 22")));
        given().queryParam("bbox", "0,0,1,1").get("/api/cameras/clusters")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("zoom"));
        given().queryParam("bbox", "0,0,1,1").queryParam("zoom", "x").queryParam("kind", "drone")
                .get("/api/cameras/clusters")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("kind", "zoom"));
        given().queryParam("zoom", "3").get("/api/cameras/clusters")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("bbox"));
    }

    private static void assertCount(String bbox, String filter, String value, int expected) {
        given().queryParam("bbox", bbox).queryParam("zoom", 12).queryParam(filter, value)
                .get("/api/cameras/clusters")
                .then().statusCode(200).body("count", equalTo(expected));
    }
}
