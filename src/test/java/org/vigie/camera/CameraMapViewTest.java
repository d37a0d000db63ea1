package org.vigie.camera;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vigie.support.Api.PROBLEM;

/**
 * {@code GET /api/cameras?view=map}: the map's markers, a GeoJSON FeatureCollection whose Features
 * carry only what a marker and its cone show, with the same values as the full Features, the same
 * filters and the same limit.
 */
@QuarkusTest
class CameraMapViewTest {

    private static final Set<String> MARKER_FIELDS = Set.of("kind", "cameraType", "operatorType", "signage", "status",
            "directions", "fieldOfView", "range", "operator", "version", "filmedArea", "toRecheck");

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void markersCarryTheMapsFieldsWithTheFullFeaturesValues() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.ofEntries(Map.entry("kind", "alpr"), Map.entry("cameraType", "dome"),
                Map.entry("mount", "pole"), Map.entry("directions", List.of(90, 270)), Map.entry("fieldOfView", 70),
                Map.entry("range", 35), Map.entry("height", 4.5), Map.entry("zone", "traffic"),
                Map.entry("operator", "Ville de Test"), Map.entry("operatorType", "public"), Map.entry("signage", "absent"),
                Map.entry("notes", "sur le mât nord"), Map.entry("filmedArea", "indoor")));
        JsonPath full = given().get("/api/cameras/" + id).then().statusCode(200).extract().jsonPath();

        JsonPath map = given().queryParam("bbox", Api.bboxAround(spot, 0.001)).queryParam("view", "map")
                .get("/api/cameras").then().statusCode(200).contentType(Api.GEOJSON)
                .body("type", equalTo("FeatureCollection")).body("count", equalTo(1)).body("truncated", equalTo(false))
                .extract().jsonPath();
        Map<String, Object> marker = map.getMap("features[0]");
        assertEquals(Set.of("type", "id", "geometry", "properties"), marker.keySet());
        assertEquals("Feature", marker.get("type"));
        assertEquals(full.getMap("geometry"), marker.get("geometry"));
        Map<String, Object> properties = map.getMap("features[0].properties");
        assertEquals(MARKER_FIELDS, properties.keySet(), "no mount, height, notes, source, tags or dates");
        for (String field : MARKER_FIELDS) {
            assertEquals(full.get("properties." + field), properties.get(field), field);
        }
    }

    @Test
    void aCameraNobodySawForYearsIsFlaggedToRecheckOnItsMarkerAsInTheFullFeature() {
        double[] spot = Api.freshSpot();
        long old = Api.create(spot[0], spot[1], Map.of());
        long seen = Api.create(spot[0] + 0.0002, spot[1], Map.of());
        org.vigie.support.Sql sql = io.quarkus.arc.Arc.container().instance(org.vigie.support.Sql.class).get();
        sql.update("UPDATE camera SET created_at = now() - interval '3 years' WHERE id = ?", old);
        JsonPath map = given().queryParam("bbox", Api.bboxAround(spot, 0.001)).queryParam("view", "map")
                .get("/api/cameras").then().statusCode(200).extract().jsonPath();
        assertEquals(true, map.get("features.find { it.id == " + old + " }.properties.toRecheck"));
        assertEquals(false, map.get("features.find { it.id == " + seen + " }.properties.toRecheck"));
        assertEquals(true, given().get("/api/cameras/" + old).then().statusCode(200).extract().path("properties.toRecheck"));
    }

    @Test
    void viewFullIsTheDefault() {
        double[] spot = Api.freshSpot();
        Api.create(spot[0], spot[1], Map.of("notes", "visible in the full view"));
        Object byDefault = given().queryParam("bbox", Api.bboxAround(spot, 0.001)).get("/api/cameras")
                .then().statusCode(200).body("features[0].properties.notes", equalTo("visible in the full view"))
                .extract().jsonPath().get("features");
        Object full = given().queryParam("bbox", Api.bboxAround(spot, 0.001)).queryParam("view", "full").get("/api/cameras")
                .then().statusCode(200).extract().jsonPath().get("features");
        assertEquals(byDefault, full);
    }

    @Test
    void filtersApplyToTheMarkers() {
        double[] spot = Api.freshSpot();
        long alpr = Api.create(spot[0], spot[1], Map.of("kind", "alpr", "operator", "Métropole", "signage", "present"));
        long camera = Api.create(spot[0] + 0.0005, spot[1], Map.of("kind", "camera", "operator", "Commerce"));
        long deleted = Api.create(spot[0] - 0.0005, spot[1], Map.of("kind", "alpr"));
        Api.delete(deleted, 1);
        long outside = Api.create(spot[0] + 0.01, spot[1], Map.of("kind", "alpr"));
        String bbox = Api.bboxAround(spot, 0.002);

        given().queryParam("bbox", bbox).queryParam("view", "map").get("/api/cameras")
                .then().statusCode(200).body("features.id", containsInAnyOrder((int) alpr, (int) camera));
        given().queryParam("bbox", bbox).queryParam("view", "map").queryParam("kind", "alpr").get("/api/cameras")
                .then().statusCode(200).body("features.id", containsInAnyOrder((int) alpr));
        given().queryParam("bbox", bbox).queryParam("view", "map").queryParam("operator", "métropole").get("/api/cameras")
                .then().statusCode(200).body("features.id", containsInAnyOrder((int) alpr));
        given().queryParam("bbox", bbox).queryParam("view", "map").queryParam("signage", "unknown").get("/api/cameras")
                .then().statusCode(200).body("features.id", containsInAnyOrder((int) camera));
        given().queryParam("bbox", Api.bboxAround(spot, 0.02)).queryParam("view", "map").queryParam("kind", "alpr")
                .get("/api/cameras").then().statusCode(200).body("features.id", containsInAnyOrder((int) alpr, (int) outside));
    }

    @Test
    void markersAreLimitedAndSayWhenTruncated() {
        double[] spot = Api.freshSpot();
        long first = Api.create(spot[0], spot[1], Map.of());
        long second = Api.create(spot[0] + 0.0002, spot[1], Map.of());
        Api.create(spot[0] + 0.0004, spot[1], Map.of());
        String bbox = Api.bboxAround(spot, 0.001);

        given().queryParam("bbox", bbox).queryParam("view", "map").queryParam("limit", 2).get("/api/cameras")
                .then().statusCode(200).body("count", equalTo(2)).body("truncated", equalTo(true)).body("limit", equalTo(2))
                .body("features.id", equalTo(List.of((int) first, (int) second)));
        given().queryParam("bbox", bbox).queryParam("view", "map").queryParam("limit", 3).get("/api/cameras")
                .then().statusCode(200).body("count", equalTo(3)).body("truncated", equalTo(false)).body("features", hasSize(3));
    }

    @Test
    void anUnknownViewIsAProblemNamingTheParameter() {
        given().queryParam("bbox", "2.3,48.8,2.4,48.9").queryParam("view", "markers").get("/api/cameras")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("view"))
                .body("errors[0].reason", containsString("full, map"));
    }

    @Test
    void theFieldOfViewPolygonGoesWithTheFullViewOnly() {
        given().queryParam("bbox", "2.3,48.8,2.4,48.9").queryParam("view", "map").queryParam("include", "fov")
                .get("/api/cameras").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("include"));
    }

    @Test
    void theMapViewChecksTheOtherParametersToo() {
        given().queryParam("view", "map").get("/api/cameras").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("bbox"));
        given().queryParam("bbox", "2.3,48.8,2.4,48.9").queryParam("view", "map").queryParam("kind", "drone")
                .get("/api/cameras").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("kind"));
    }
}
