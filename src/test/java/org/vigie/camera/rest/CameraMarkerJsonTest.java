package org.vigie.camera.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The map's FeatureCollection is written straight from the rows ({@link CameraMarkerJson}): camera
 * by camera it says what the full view says for the same cameras, in the same order, with the same
 * {@code count}, {@code truncated} and {@code limit}, for any filter; and a query that fails halfway
 * through its rows gives no document at all.
 */
@QuarkusTest
class CameraMarkerJsonTest {

    /** The marker's properties, in the order the map's view has always written them. */
    private static final List<String> MARKER_FIELDS = List.of("kind", "cameraType", "operatorType", "signage", "status",
            "directions", "fieldOfView", "range", "operator", "version", "filmedArea", "toRecheck");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Quotes, a backslash and characters beyond ASCII: escaped or passed through as Jackson does for a String. */
    private static final String OPERATOR = "Ville d'Été \"Nord\" \\ 監視";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void eachMarkerIsTheFullFeatureCutToTheMapsFields() throws Exception {
        // on the Greenwich meridian: longitudes under 0.001° in absolute value are written in exponent notation
        double[] spot = {0.0003, Api.freshSpot()[1]};
        Api.create(spot[0], spot[1], Map.of("kind", "alpr", "cameraType", "dome", "directions", List.of(0, 90, 359),
                "fieldOfView", 70, "range", 35, "operator", OPERATOR, "operatorType", "public",
                "signage", "absent"));
        Api.create(-0.0004, spot[1] + 0.0001, Map.of());
        Api.create(0.0012345, spot[1] - 0.0002, Map.of("kind", "webcam", "signage", "present", "operator", "Café"));
        long removed = Api.create(0.0001, spot[1], Map.of("status", "disputed", "notes", "not on the map's view"));
        Api.update(removed, 1, 0.0001, spot[1], Map.of("status", "removed"));
        String bbox = "-0.001," + (spot[1] - 0.001) + ",0.002," + (spot[1] + 0.001);

        JsonNode map = markers(bbox, Map.of());
        assertEquals(expected(full(bbox, Map.of())), map);
        assertEquals(4, map.get("count").asInt());
        for (JsonNode feature : map.get("features")) {
            List<String> names = new ArrayList<>();
            feature.get("properties").fieldNames().forEachRemaining(names::add);
            assertEquals(MARKER_FIELDS, names);
        }
        String body = given().queryParam("bbox", bbox).queryParam("view", "map").get("/api/cameras").asString();
        assertTrue(body.contains("\"coordinates\":[-4.0E-4,"), "Jackson's notation for small doubles, as before: " + body);
        assertTrue(body.contains("\"operator\":" + mapper.writeValueAsString(OPERATOR) + ","),
                "the database's UTF-8 escaped as Jackson escapes a string: " + body);
    }

    @Test
    void theLimitAndTheMoreMatchedSignalAreTheFullViews() throws Exception {
        double[] spot = Api.freshSpot();
        for (int i = 0; i < 3; i++) {
            Api.create(spot[0] + i * 0.0002, spot[1], Map.of("range", 10 + i));
        }
        String bbox = Api.bboxAround(spot, 0.001);
        for (int limit = 1; limit <= 4; limit++) {
            Map<String, Object> params = Map.of("limit", limit);
            JsonNode map = markers(bbox, params);
            assertEquals(expected(full(bbox, params)), map, "limit " + limit);
            assertEquals(limit < 3, map.get("truncated").asBoolean(), "limit " + limit);
            assertEquals(limit, map.get("limit").asInt());
        }
    }

    @Test
    void anEmptyViewIsTheSameDocumentAsTheFullViews() {
        double[] spot = Api.freshSpot();
        String bbox = Api.bboxAround(spot, 0.0005);
        Response map = given().queryParam("bbox", bbox).queryParam("view", "map").get("/api/cameras");
        map.then().statusCode(200).contentType(Api.GEOJSON);
        assertEquals("{\"type\":\"FeatureCollection\",\"features\":[],\"count\":0,\"truncated\":false,\"limit\":1000}", map.asString());
        assertEquals(given().queryParam("bbox", bbox).get("/api/cameras").asString(), map.asString());
    }

    @Test
    void filtersSelectTheSameCamerasAsInTheFullView() throws Exception {
        double[] spot = Api.freshSpot();
        Api.create(spot[0], spot[1], Map.of("kind", "alpr", "operator", "Métropole", "signage", "present"));
        Api.create(spot[0] + 0.0003, spot[1], Map.of("kind", "camera", "cameraType", "fixed", "operator", "Commerce"));
        Api.create(spot[0] - 0.0003, spot[1], Map.of("kind", "alpr", "operatorType", "private", "status", "verified"));
        String bbox = Api.bboxAround(spot, 0.001);
        List<Map<String, Object>> filters = List.of(Map.of("kind", "alpr"), Map.of("operator", "métropole"),
                Map.of("signage", "unknown", "kind", "alpr,camera"), Map.of("cameraType", "fixed"),
                Map.of("operatorType", "private", "status", "verified,reported"), Map.of("kind", "guard"));
        for (Map<String, Object> filter : filters) {
            JsonNode map = markers(bbox, filter);
            assertEquals(expected(full(bbox, filter)), map, filter.toString());
        }
        assertEquals(0, markers(bbox, Map.of("kind", "guard")).get("count").asInt());
    }

    @Test
    void aClientAskingForJsonGetsTheSameBytesAsJson() {
        double[] spot = Api.freshSpot();
        Api.create(spot[0], spot[1], Map.of());
        String bbox = Api.bboxAround(spot, 0.001);
        String geojson = given().queryParam("bbox", bbox).queryParam("view", "map").get("/api/cameras").asString();
        given().accept("application/json").queryParam("bbox", bbox).queryParam("view", "map").get("/api/cameras")
                .then().statusCode(200).contentType("application/json").body(org.hamcrest.Matchers.equalTo(geojson));
    }

    @Test
    void aQueryFailingHalfwayThroughItsRowsGivesNoDocument() throws Exception {
        // Rows come from the server 10 at a time (a cursor needs a transaction): the 50th raises an error
        // after 49 rows have been written.
        String rows = "SELECT n, 2.35, 48.85, 'camera', 'dome', 'unknown', 'unknown', 'reported', ARRAY[90], 60, 30,"
                + " NULL, 1 / (50 - n) + 1, 'unknown', now() FROM generate_series(1, ?) n";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement s = connection.prepareStatement(rows)) {
                s.setFetchSize(10);
                s.setInt(1, 49);
                try (ResultSet r = s.executeQuery()) {
                    JsonNode whole = JSON.readTree(CameraMarkerJson.collection(mapper.getFactory(), r, 1000));
                    assertEquals(49, whole.get("count").asInt());
                    assertEquals(90, whole.at("/features/48/properties/directions/0").asInt());
                }
                s.setInt(1, 100);
                try (ResultSet r = s.executeQuery()) {
                    SQLException failure = assertThrows(SQLException.class,
                            () -> CameraMarkerJson.collection(mapper.getFactory(), r, 1000));
                    assertEquals("22012", failure.getSQLState(), "division by zero");
                }
            } finally {
                connection.rollback();
            }
        }
    }

    private static JsonNode markers(String bbox, Map<String, Object> params) throws Exception {
        return JSON.readTree(given().queryParam("bbox", bbox).queryParam("view", "map").queryParams(params).get("/api/cameras")
                .then().statusCode(200).contentType(Api.GEOJSON).extract().asByteArray());
    }

    private static JsonNode full(String bbox, Map<String, Object> params) throws Exception {
        return JSON.readTree(given().queryParam("bbox", bbox).queryParams(params).get("/api/cameras")
                .then().statusCode(200).extract().asByteArray());
    }

    /** The full view's collection with each Feature cut to what a marker carries. */
    private static JsonNode expected(JsonNode full) {
        ObjectNode expected = full.deepCopy();
        ArrayNode features = expected.putArray("features");
        for (JsonNode feature : full.get("features")) {
            ObjectNode marker = features.addObject();
            marker.set("type", feature.get("type"));
            marker.set("id", feature.get("id"));
            marker.set("geometry", feature.get("geometry"));
            ObjectNode properties = marker.putObject("properties");
            MARKER_FIELDS.forEach(name -> properties.set(name, feature.get("properties").get(name)));
        }
        return expected;
    }
}
