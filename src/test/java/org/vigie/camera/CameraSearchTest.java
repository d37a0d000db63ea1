package org.vigie.camera;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.vigie.support.Api.PROBLEM;

/** GET /api/cameras: what a bbox and the filters select, the limit, and bad parameters. */
@QuarkusTest
class CameraSearchTest {

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void bboxSelectsTheCamerasInsideOnly() {
        double[] spot = Api.freshSpot();
        long inside = Api.create(spot[0], spot[1], Map.of());
        long corner = Api.create(spot[0] + 0.009, spot[1] + 0.009, Map.of());
        Api.create(spot[0] + 0.02, spot[1], Map.of());
        Api.create(spot[0], spot[1] - 0.02, Map.of());

        given().queryParam("bbox", Api.bboxAround(spot, 0.01)).get("/api/cameras")
                .then().statusCode(200)
                .contentType(Api.GEOJSON)
                .body("type", equalTo("FeatureCollection"))
                .body("features.id", containsInAnyOrder((int) inside, (int) corner))
                .body("count", equalTo(2))
                .body("truncated", equalTo(false));
    }

    @Test
    void filtersNarrowTheSelection() {
        double[] spot = Api.freshSpot();
        long cityCamera = Api.create(spot[0], spot[1], Map.of("kind", "camera", "cameraType", "dome",
                "operator", "Ville de Lyon", "operatorType", "public", "signage", "absent"));
        long alpr = Api.create(spot[0], spot[1], Map.of("kind", "alpr", "cameraType", "fixed",
                "operator", "Ville de Lyon", "operatorType", "public", "signage", "present"));
        long shop = Api.create(spot[0], spot[1], Map.of("kind", "camera", "cameraType", "fixed",
                "operator", "Boulangerie", "operatorType", "private", "signage", "unknown"));
        String bbox = Api.bboxAround(spot, 0.01);

        assertSelects(bbox, "kind", "alpr", alpr);
        assertSelects(bbox, "kind", "camera,alpr", cityCamera, alpr, shop);
        assertSelects(bbox, "cameraType", "dome", cityCamera);
        assertSelects(bbox, "operator", "ville de lyon", cityCamera, alpr);
        assertSelects(bbox, "operatorType", "private", shop);
        assertSelects(bbox, "signage", "absent", cityCamera);
        assertSelects(bbox, "status", "reported", cityCamera, alpr, shop);
        assertSelects(bbox, "status", "verified");

        sql.update("UPDATE camera SET status = 'removed' WHERE id = ?", shop);
        assertSelects(bbox, "status", "removed", shop);
    }

    @Test
    void moreMatchesThanTheLimitAreTruncated() {
        double[] spot = Api.freshSpot();
        for (int i = 0; i < 4; i++) {
            Api.create(spot[0] + i * 0.0001, spot[1], Map.of());
        }
        given().queryParam("bbox", Api.bboxAround(spot, 0.01)).queryParam("limit", 3).get("/api/cameras")
                .then().statusCode(200)
                .body("features", hasSize(3))
                .body("truncated", equalTo(true))
                .body("limit", equalTo(3));
        given().queryParam("bbox", Api.bboxAround(spot, 0.01)).queryParam("limit", 4).get("/api/cameras")
                .then().body("features", hasSize(4)).body("truncated", equalTo(false));
    }

    @Test
    void fieldOfViewPolygonsComeOnRequest() {
        double[] spot = Api.freshSpot();
        Api.create(spot[0], spot[1], Map.of("directions", List.of(0)));
        given().queryParam("bbox", Api.bboxAround(spot, 0.01)).get("/api/cameras")
                .then().body("features[0].fov", equalTo(null));
        given().queryParam("bbox", Api.bboxAround(spot, 0.01)).queryParam("include", "fov").get("/api/cameras")
                .then().body("features[0].fov.type", equalTo("Polygon"))
                .body("features[0].fov.coordinates[0]", notNullValue());
    }

    @ParameterizedTest(name = "bbox={0}")
    @CsvSource(delimiter = ';', value = {
            "'';is required",
            "1,2,3;four numbers",
            "a,b,c,d;not a number",
            "1,2,3,4,5;four numbers",
            "10,10,5,20;inverted",
            "10,20,20,10;inverted",
            "-181,0,0,10;longitudes",
            "0,-91,10,10;latitudes",
            "0,0,10,NaN;finite",
            "0,0,Infinity,10;finite"})
    void badBboxIsA400(String bbox, String reason) {
        given().queryParam("bbox", bbox).get("/api/cameras")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("bbox"))
                .body("errors[0].reason", containsString(reason));
    }

    @Test
    void missingBboxIsA400() {
        given().get("/api/cameras").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("bbox"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"kind,drone", "cameraType,bullet", "operatorType,state", "signage,maybe", "status,lost",
            "limit,0", "limit,5001", "limit,ten"})
    void badFilterIsA400NamingIt(String name, String value) {
        given().queryParam("bbox", "0,0,1,1").queryParam(name, value).get("/api/cameras")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo(name));
    }

    private static void assertSelects(String bbox, String filter, String value, long... ids) {
        Integer[] expected = java.util.Arrays.stream(ids).mapToObj(id -> (int) id).toArray(Integer[]::new);
        var response = given().queryParam("bbox", bbox).queryParam(filter, value).get("/api/cameras")
                .then().statusCode(200);
        if (expected.length == 0) {
            response.body("features", hasSize(0));
        } else {
            response.body("features.id", containsInAnyOrder(expected))
                    .body("features.properties." + filter, everyItem(org.hamcrest.Matchers.notNullValue()));
        }
    }
}
