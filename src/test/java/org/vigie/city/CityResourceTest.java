package org.vigie.city;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.support.Api.PROBLEM;

/** GET /api/cities, /api/cities/{code}, /api/cities/{code}/stats and GET /api/cameras?city=. */
@QuarkusTest
class CityResourceTest {

    static final String LYON = "69123";

    @Inject
    CityFixtures fixtures;
    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @BeforeEach
    void communes() {
        CityFixtures.assumeData();
        fixtures.clearCities();
        fixtures.importCommunes();
    }

    @Test
    void searchIgnoresCaseAndAccentsAndMatchesPrefixes() {
        given().queryParam("q", "besancon").get("/api/cities").then().statusCode(200)
                .body("name", contains("Besançon"))
                .body("[0].code", equalTo("25056"));
        given().queryParam("q", "VILLEUR").get("/api/cities").then().body("name", contains("Villeurbanne"));
        given().queryParam("q", "nîm").get("/api/cities").then().body("name", contains("Nîmes"));
        given().queryParam("q", "val d is").get("/api/cities").then().body("name", contains("Val-d'Isère"));
        given().queryParam("q", "henin-beau").get("/api/cities").then().body("name", contains("Hénin-Beaumont"));
        given().queryParam("q", "ly").get("/api/cities").then().body("name", contains("Lyon"));
        given().queryParam("q", "yon").get("/api/cities").then().body("$", hasSize(0));
        given().queryParam("q", "69").get("/api/cities").then().body("name", contains("Lyon", "Villeurbanne"));
        given().get("/api/cities").then().body("$", hasSize(18));
        given().queryParam("limit", 3).get("/api/cities").then().body("$", hasSize(3));
        given().queryParam("limit", 0).get("/api/cities").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void searchGivesTheBoundingBox() {
        List<Float> bbox = given().queryParam("q", "lyon").get("/api/cities").then()
                .extract().jsonPath().getList("[0].bbox", Float.class);
        assertEquals(4, bbox.size());
        // Lyon lies around 4.77..4.90 E, 45.70..45.81 N.
        assertTrue(bbox.get(0) > 4.7 && bbox.get(0) < 4.8 && bbox.get(2) > 4.85 && bbox.get(2) < 4.95, bbox.toString());
        assertTrue(bbox.get(1) > 45.65 && bbox.get(1) < 45.73 && bbox.get(3) > 45.78 && bbox.get(3) < 45.85, bbox.toString());
    }

    @Test
    void oneCityIsAFeatureWithItsAreaOnTheGround() {
        JsonPath paris = given().get("/api/cities/75056").then().statusCode(200)
                .body("type", equalTo("Feature"))
                .body("id", equalTo("75056"))
                .body("geometry.type", equalTo("MultiPolygon"))
                .body("properties.name", equalTo("Paris"))
                .extract().jsonPath();
        // Paris is 105 km² with its two woods: in square degrees it would be about 0.013.
        assertEquals(105.4, paris.getDouble("properties.areaKm2"), 1.0);
        assertEquals(238.2, given().get("/api/cities/13055").then().extract().jsonPath()
                .getDouble("properties.areaKm2"), 2.0);
    }

    @Test
    void anUnknownCityIsA404Problem() {
        for (String path : List.of("/api/cities/99999", "/api/cities/99999/stats")) {
            given().get(path).then().statusCode(404).contentType(PROBLEM)
                    .body("status", equalTo(404))
                    .body("detail", containsString("99999"));
        }
        given().queryParam("city", "99999").get("/api/cameras").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("/problems/city-not-found"));
    }

    @Test
    void statsCountVisibleCamerasAndTheirSumsEqualTheTotal() throws Exception {
        fixtures.loadLegacyCameras();
        JsonPath before = stats(LYON);
        // Cameras of our own in Lyon, with known attributes; one of them deleted afterwards.
        String operator = "Opérateur " + System.nanoTime();
        Api.create(4.8357, 45.7640, Map.of("kind", "alpr", "signage", "present",
                "operator", operator, "capabilities", List.of("alpr", "infrared")));
        long deleted = Api.create(4.8357, 45.7641, Map.of("kind", "guard", "signage", "absent"));
        Api.asVolunteer().header("If-Match", "\"1\"").delete("/api/cameras/" + deleted).then().statusCode(204);
        JsonPath stats = stats(LYON);

        long total = stats.getLong("total");
        assertEquals(sql.count("SELECT count(*) FROM camera WHERE visible AND city_code = ?", LYON), total);
        assertTrue(total > 100, "Lyon holds hundreds of cameras of the export: " + total);
        assertEquals(before.getLong("total") + 1, total, "the deleted camera is not counted");
        assertEquals(before.getInt("byKind.alpr") + 1, stats.getInt("byKind.alpr"));
        assertEquals(before.getInt("byKind.guard"), stats.getInt("byKind.guard"));
        assertEquals(before.getInt("byCapability.infrared") + 1, stats.getInt("byCapability.infrared"));
        assertEquals(before.getInt("bySignage.present") + 1, stats.getInt("bySignage.present"));
        for (String dimension : List.of("byKind", "byCameraType", "byOperatorType", "byFilmedArea", "byZone",
                "byFilmsWorkstations", "bySignage", "byStatus")) {
            Map<String, Integer> counts = stats.getMap(dimension);
            assertEquals(total, counts.values().stream().mapToLong(Integer::longValue).sum(), dimension);
        }
        Map<String, Integer> operators = stats.getMap("byOperator");
        assertTrue(operators.size() <= 20 && !operators.isEmpty(), operators.toString());
        assertTrue(operators.values().stream().mapToLong(Integer::longValue).sum() <= total);
        double shares = stats.getDouble("signageShare.present") + stats.getDouble("signageShare.absent")
                + stats.getDouble("signageShare.unknown");
        assertEquals(1.0, shares, 1e-6);
        assertEquals((double) stats.getInt("bySignage.present") / total, stats.getDouble("signageShare.present"), 1e-6);
        assertEquals(total / stats.getDouble("areaKm2"), stats.getDouble("perKm2"), 1e-3);
        List<Map<String, Object>> months = stats.getList("additionsPerMonth");
        assertEquals(total, months.stream().mapToLong(m -> ((Number) m.get("count")).longValue()).sum());
        assertTrue(months.stream().allMatch(m -> ((String) m.get("month")).matches("\\d{4}-\\d{2}")));
    }

    @Test
    void theTopOperatorsAreCountedCaseInsensitively() {
        String operator = "Régie " + System.nanoTime();
        for (int i = 0; i < 25; i++) {
            Api.create(4.8357, 45.7642, Map.of("operator", i % 2 == 0 ? operator : operator.toUpperCase()));
        }
        Map<String, Integer> operators = stats(LYON).getMap("byOperator");
        List<Integer> ours = operators.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(operator)).map(Map.Entry::getValue).toList();
        assertEquals(List.of(25), ours, operators.toString());
    }

    private static JsonPath stats(String code) {
        return given().get("/api/cities/" + code + "/stats").then().statusCode(200)
                .body("code", equalTo(code))
                .extract().jsonPath();
    }

    @Test
    void camerasCanBeSelectedByCityWithTheOtherFilters() throws Exception {
        fixtures.loadLegacyCameras();
        long inLyon = sql.count("SELECT count(*) FROM camera WHERE visible AND city_code = ?", LYON);
        given().queryParam("city", LYON).queryParam("limit", 5000).get("/api/cameras").then().statusCode(200)
                .body("count", equalTo((int) inLyon))
                .body("features.properties.city.code", everyItem(equalTo(LYON)));
        long alpr = Api.create(4.8357, 45.7640, Map.of("kind", "alpr"));
        given().queryParam("city", LYON).queryParam("kind", "alpr").get("/api/cameras").then()
                .body("features.id", org.hamcrest.Matchers.hasItem((int) alpr))
                .body("features.properties.kind", everyItem(equalTo("alpr")));
        // city and bbox together: the city's cameras inside the box.
        given().queryParam("city", LYON).queryParam("bbox", "4.8356,45.7639,4.8358,45.7641").get("/api/cameras")
                .then().body("features.id", org.hamcrest.Matchers.hasItem((int) alpr));
        given().queryParam("city", "75056").queryParam("bbox", "4.8356,45.7639,4.8358,45.7641").get("/api/cameras")
                .then().body("count", equalTo(0));
        given().get("/api/cameras").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("bbox"))
                .body("errors[0].reason", containsString("city"));
    }
}
