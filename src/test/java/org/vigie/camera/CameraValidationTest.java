package org.vigie.camera;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vigie.support.Api.PROBLEM;
import static org.vigie.support.Api.feature;
import static org.vigie.support.Api.asVolunteer;

/** Bad input gets a 400 problem naming the field and the reason, and nothing is stored. */
@QuarkusTest
class CameraValidationTest {

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    static Stream<Arguments> badProperties() {
        return Stream.of(
                Arguments.of("direction above 359", Map.of("directions", List.of(360)), "properties.directions[0]", "0 to 359"),
                Arguments.of("negative direction", Map.of("directions", List.of(-1)), "properties.directions[0]", "0 to 359"),
                Arguments.of("fractional direction", Map.of("directions", List.of(12.5)), "properties.directions[0]", "whole number"),
                Arguments.of("directions not a list", Map.of("directions", "north"), "properties.directions", "array"),
                Arguments.of("field of view 0", Map.of("fieldOfView", 0), "properties.fieldOfView", "1 to 360"),
                Arguments.of("field of view 361", Map.of("fieldOfView", 361), "properties.fieldOfView", "1 to 360"),
                Arguments.of("range 0", Map.of("range", 0), "properties.range", "1 to 500"),
                Arguments.of("range too far", Map.of("range", 501), "properties.range", "1 to 500"),
                Arguments.of("tilt beyond vertical", Map.of("tilt", 91), "properties.tilt", "-90 to 90"),
                Arguments.of("negative height", Map.of("height", -2), "properties.height", "0 to 500"),
                Arguments.of("unknown kind", Map.of("kind", "drone"), "properties.kind", "one of camera, alpr"),
                Arguments.of("unknown camera type", Map.of("cameraType", "bullet"), "properties.cameraType", "one of fixed"),
                Arguments.of("unknown mount", Map.of("mount", "tree"), "properties.mount", "unknown value"),
                Arguments.of("unknown filmed area", Map.of("filmedArea", "everywhere"), "properties.filmedArea", "unknown value"),
                Arguments.of("unknown zone", Map.of("zone", "moon"), "properties.zone", "unknown value"),
                Arguments.of("unknown capability", Map.of("capabilities", List.of("zoom", "xray")), "properties.capabilities[1]", "xray"),
                Arguments.of("unknown operator type", Map.of("operatorType", "state"), "properties.operatorType", "public, private"),
                Arguments.of("unknown signage", Map.of("signage", "yes"), "properties.signage", "present, absent"),
                Arguments.of("unknown filmsWorkstations", Map.of("filmsWorkstations", "maybe"), "properties.filmsWorkstations", "yes, no"),
                Arguments.of("enum as a number", Map.of("kind", 3), "properties.kind", "must be a string"),
                Arguments.of("operator over 200 characters", Map.of("operator", "x".repeat(201)), "properties.operator", "200"),
                Arguments.of("notes over 2000 characters", Map.of("notes", "x".repeat(2001)), "properties.notes", "2000"),
                Arguments.of("level over 20 characters", Map.of("level", "9".repeat(21)), "properties.level", "20"),
                Arguments.of("unknown property", Map.of("colour", "red"), "properties.colour", "unknown property"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badProperties")
    void badPropertyIsA400NamingTheField(String why, Map<String, Object> properties, String field, String reason) {
        assertRejected(feature(10, 10, properties), field, reason);
    }

    static Stream<Arguments> badGeometries() {
        return Stream.of(
                Arguments.of("latitude above 90", Map.of("type", "Point", "coordinates", List.of(5, 91)), "geometry.coordinates[1]", "between -90 and 90"),
                Arguments.of("latitude below -90", Map.of("type", "Point", "coordinates", List.of(5, -90.5)), "geometry.coordinates[1]", "between -90 and 90"),
                Arguments.of("longitude above 180", Map.of("type", "Point", "coordinates", List.of(180.1, 45)), "geometry.coordinates[0]", "between -180 and 180"),
                Arguments.of("longitude below -180", Map.of("type", "Point", "coordinates", List.of(-181, 45)), "geometry.coordinates[0]", "between -180 and 180"),
                Arguments.of("NaN as a string", Map.of("type", "Point", "coordinates", List.of("NaN", 45)), "geometry.coordinates[0]", "must be a number"),
                Arguments.of("a LineString", Map.of("type", "LineString", "coordinates", List.of(List.of(5, 45), List.of(6, 46))), "geometry.type", "must be \"Point\""),
                Arguments.of("a Polygon", Map.of("type", "Polygon", "coordinates", List.of()), "geometry.type", "must be \"Point\""),
                Arguments.of("one coordinate", Map.of("type", "Point", "coordinates", List.of(5)), "geometry.coordinates", "[longitude, latitude]"),
                Arguments.of("no coordinates", Map.of("type", "Point"), "geometry.coordinates", "[longitude, latitude]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badGeometries")
    void badGeometryIsA400NamingTheField(String why, Map<String, Object> geometry, String field, String reason) {
        Map<String, Object> body = new HashMap<>(feature(0, 0, Map.of()));
        body.put("geometry", geometry);
        assertRejected(body, field, reason);
    }

    @Test
    void missingGeometryIsRejected() {
        Map<String, Object> body = new HashMap<>(feature(0, 0, Map.of()));
        body.remove("geometry");
        assertRejected(body, "geometry", "required");
    }

    @Test
    void notAFeatureIsRejected() {
        Map<String, Object> body = new HashMap<>(feature(0, 0, Map.of()));
        body.put("type", "FeatureCollection");
        assertRejected(body, "type", "Feature");
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        long before = cameras();
        asVolunteer().body(feature(200, 10, Map.of("kind", "drone", "fieldOfView", 0)))
                .post("/api/cameras")
                .then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder(
                        "geometry.coordinates[0]", "properties.kind", "properties.fieldOfView"));
        assertEquals(before, cameras());
    }

    @Test
    void nanLiteralIsMalformedJson() {
        assertMalformed("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[5.7,NaN]},\"properties\":{}}");
    }

    @Test
    void truncatedJsonIsMalformed() {
        assertMalformed("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Po");
    }

    @Test
    void emptyBodyIsRejected() {
        long before = cameras();
        asVolunteer().body("").post("/api/cameras").then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("body"));
        assertEquals(before, cameras());
    }

    @Test
    void wrongMediaTypeIs415() {
        asVolunteer().contentType("text/plain").body("hello").post("/api/cameras")
                .then().statusCode(415).contentType(PROBLEM).body("status", equalTo(415));
    }

    @Test
    void geoJsonMediaTypeIsAccepted() {
        double[] spot = Api.freshSpot();
        asVolunteer().contentType(Api.GEOJSON).body(feature(spot[0], spot[1], Map.of())).post("/api/cameras")
                .then().statusCode(201);
    }

    @Test
    void badEditIsRejectedAndLeavesTheCameraAsItWas() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("operator", "Mairie"));
        asVolunteer().header("If-Match", "\"1\"").body(feature(spot[0], spot[1], Map.of("operator", "Mairie", "range", 9000)))
                .put("/api/cameras/{id}", id)
                .then().statusCode(400).body("errors.field", hasItem("properties.range"));
        given().get("/api/cameras/{id}", id).then().header("ETag", "\"1\"").body("properties.range", equalTo(30));
        assertEquals(1, sql.count("SELECT count(*) FROM camera_version WHERE camera_id = ?", id));
    }

    private void assertRejected(Map<String, Object> body, String field, String reason) {
        long before = cameras();
        asVolunteer().body(body).post("/api/cameras")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.reason", containsString(reason));
        assertEquals(before, cameras(), "nothing is stored");
    }

    private void assertMalformed(String body) {
        long before = cameras();
        asVolunteer().body(body).post("/api/cameras")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("title", equalTo("Malformed JSON"))
                .body("errors[0].field", equalTo("body"));
        assertEquals(before, cameras());
    }

    private long cameras() {
        return sql.count("SELECT count(*) FROM camera");
    }
}
