package org.vigie.camera;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The map's search reads rows straight into GeoJSON (no entities): each Feature it answers must
 * be exactly the one GET /api/cameras/{id} answers, and large answers travel compressed.
 */
@QuarkusTest
class CameraViewportTest {

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void searchFeaturesAreTheCamerasOwnFeatures() {
        double[] spot = Api.freshSpot();
        String code = "T" + UUID.randomUUID().toString().substring(0, 8);
        sql.update("INSERT INTO city (code, name, name_key, boundary, area_km2)"
                + " VALUES (?, 'Villeneuve-Test', 'villeneuve test', ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(?, ?), 4326), 0.005)), 1)",
                code, spot[0], spot[1]);
        long full = Api.create(spot[0], spot[1], Map.ofEntries(Map.entry("kind", "alpr"), Map.entry("cameraType", "dome"),
                Map.entry("mount", "pole"), Map.entry("directions", List.of(90, 270)), Map.entry("fieldOfView", 70),
                Map.entry("range", 35), Map.entry("height", 4.5), Map.entry("tilt", -20), Map.entry("filmedArea", "public"),
                Map.entry("zone", "traffic"), Map.entry("level", "0"), Map.entry("capabilities", List.of("zoom", "audio", "infrared")),
                Map.entry("filmsWorkstations", "no"), Map.entry("operator", "Ville de Test"), Map.entry("operatorType", "public"),
                Map.entry("signage", "absent"), Map.entry("notes", "sur le mât « nord »")));
        long bare = Api.create(spot[0] + 0.02, spot[1], Map.of());
        // tags come from imports only; stored in the order a bulk import may use
        sql.update("UPDATE camera SET tags = '{\"surveillance\": \"public\", \"camera:type\": \"dome\", \"a\": \"é\"}',"
                + " capabilities = '{infrared,audio,zoom}' WHERE id = ?", full);

        for (long id : new long[] {full, bare}) {
            Map<String, Object> own = given().get("/api/cameras/" + id).then().statusCode(200).extract().jsonPath().getMap("$");
            Map<String, Object> found = given().queryParam("bbox", Api.bboxAround(spot, 0.05))
                    .get("/api/cameras").then().statusCode(200).extract().jsonPath()
                    .getMap("features.find { it.id == " + id + " }");
            assertEquals(own, found, "camera " + id);
        }
        Map<String, Object> fov = given().get("/api/cameras/" + full + "/fov").then().extract().jsonPath().getMap("geometry");
        Map<String, Object> searched = given().queryParam("bbox", Api.bboxAround(spot, 0.001)).queryParam("include", "fov")
                .get("/api/cameras").then().statusCode(200).extract().jsonPath().getMap("features[0].fov");
        assertEquals(fov, searched);
    }

    @Test
    void largeAnswersAreGzippedWhenAccepted() {
        double[] spot = Api.freshSpot();
        sql.update("INSERT INTO camera (position, field_of_view, range_m)"
                + " SELECT p, 60, 40 FROM (SELECT ST_SetSRID(ST_MakePoint(? + i * 0.00001, ?), 4326) AS p"
                + " FROM generate_series(1, 50) AS i) AS s", spot[0], spot[1]);
        given().header("Accept-Encoding", "gzip").queryParam("bbox", Api.bboxAround(spot, 0.01)).get("/api/cameras")
                .then().statusCode(200).contentType(Api.GEOJSON).header("Content-Encoding", "gzip").body("count", equalTo(50));
        given().header("Accept-Encoding", "gzip").queryParam("bbox", Api.bboxAround(spot, 0.01)).queryParam("zoom", 10)
                .get("/api/cameras/clusters")
                .then().statusCode(200).contentType(Api.GEOJSON).header("Content-Encoding", "gzip");
    }
}
