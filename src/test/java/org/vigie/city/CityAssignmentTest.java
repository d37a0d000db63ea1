package org.vigie.city;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every camera knows its city, whichever came first: the cameras (a boundary import reassigns
 * them) or the boundaries (the database assigns each camera as it is written, even by a JDBC batch).
 * The API's counts are compared with a point-in-polygon count made here in SQL against the
 * boundaries as the file gives them, independently of the stored city of each camera.
 */
@QuarkusTest
class CityAssignmentTest {

    @Inject
    CityFixtures fixtures;
    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @BeforeEach
    void realData() {
        CityFixtures.assumeData();
    }

    @Test
    void citiesFirstThenCameras() throws Exception {
        fixtures.clearCities();
        fixtures.importCommunes();
        fixtures.loadLegacyCameras();
        assertApiCountsMatchPointInPolygon();
    }

    @Test
    void camerasFirstThenCities() throws Exception {
        fixtures.clearCities();
        fixtures.loadLegacyCameras();
        assertEquals(0, sql.count("SELECT count(*) FROM camera WHERE city_code IS NOT NULL"));
        fixtures.importCommunes();
        assertApiCountsMatchPointInPolygon();
    }

    @Test
    void reimportingTheSameFileChangesNothing() throws Exception {
        fixtures.clearCities();
        fixtures.loadLegacyCameras();
        fixtures.importCommunes();
        long assigned = sql.count("SELECT count(*) FROM camera WHERE city_code IS NOT NULL");
        fixtures.importCommunes();
        assertEquals(assigned, sql.count("SELECT count(*) FROM camera WHERE city_code IS NOT NULL"));
        assertEquals(18, sql.count("SELECT count(*) FROM city"));
        assertApiCountsMatchPointInPolygon();
    }

    @Test
    void aCameraCreatedOrMovedThroughTheApiGetsItsCity() throws Exception {
        fixtures.clearCities();
        fixtures.importCommunes();
        // Place Bellecour, Lyon; then the Capitole, Toulouse; then the open sea.
        JsonPath created = Api.asVolunteer().body(Api.feature(4.8320, 45.7578, Map.of())).post("/api/cameras")
                .then().statusCode(201)
                .body("properties.city.code", equalTo("69123"))
                .body("properties.city.name", equalTo("Lyon"))
                .extract().jsonPath();
        long id = created.getLong("id");
        given().get("/api/cameras/" + id).then().body("properties.city.code", equalTo("69123"));

        Api.asVolunteer().header("If-Match", "\"1\"").body(Api.feature(1.4442, 43.6045, Map.of()))
                .put("/api/cameras/" + id)
                .then().statusCode(200).body("properties.city.name", equalTo("Toulouse"));
        Api.asVolunteer().header("If-Match", "\"2\"").body(Api.feature(5.0, 42.5, Map.of()))
                .put("/api/cameras/" + id)
                .then().statusCode(200).body("properties.city", nullValue());
        // The city follows the position; it is not listed as something the editor changed.
        given().get("/api/cameras/" + id + "/history").then()
                .body("[1].changedFields", equalTo(List.of("geometry")))
                .body("[1].feature.properties.city.name", equalTo("Toulouse"));
    }

    private void assertApiCountsMatchPointInPolygon() throws Exception {
        Map<String, Integer> fromApi = new HashMap<>();
        List<Map<String, Object>> cities = given().queryParam("limit", 100).get("/api/cities")
                .then().statusCode(200).extract().jsonPath().getList("$");
        cities.forEach(c -> fromApi.put((String) c.get("code"), (Integer) c.get("cameraCount")));
        assertEquals(18, fromApi.size());

        JsonNode features = new ObjectMapper().readTree(CityFixtures.COMMUNES.toFile()).path("features");
        long citiesWithCameras = 0;
        for (JsonNode feature : features) {
            String code = feature.path("properties").path("code").asText();
            long expected = sql.count("SELECT count(*) FROM camera WHERE visible AND ST_Covers("
                    + "ST_SetSRID(ST_GeomFromGeoJSON(?), 4326), position)", feature.path("geometry").toString());
            assertEquals(expected, fromApi.get(code).longValue(), "cameras in " + code + " (search)");
            given().get("/api/cities/" + code).then().statusCode(200)
                    .body("properties.cameraCount", equalTo((int) expected));
            given().get("/api/cities/" + code + "/stats").then().statusCode(200)
                    .body("total", equalTo((int) expected));
            citiesWithCameras += expected > 0 ? 1 : 0;
        }
        // The export covers Lyon, Paris, Clermont-Ferrand, Nîmes...: a count of zero everywhere would prove nothing.
        assertTrue(citiesWithCameras >= 4, "cities holding legacy cameras: " + citiesWithCameras);
    }
}
