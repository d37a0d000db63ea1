package org.vigie.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.vigie.camera.CameraQuery;
import org.vigie.camera.attribute.CameraValues;
import org.vigie.camera.rest.SearchView;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document (/q/openapi) a client generates its code from: every query parameter of the
 * API is described and typed, with its allowed values where there is a list, taken from the enums.
 */
@QuarkusTest
class OpenApiParametersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode document() throws IOException {
        return JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }

    private static JsonNode parameter(JsonNode doc, String path, String method, String name) {
        for (JsonNode p : doc.path("paths").path(path).path(method).path("parameters")) {
            if (name.equals(p.path("name").asText())) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " on " + method + " " + path);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void everyQueryParameterIsDescribedAndTyped() throws IOException {
        JsonNode doc = document();
        List<String> bare = new ArrayList<>();
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            for (JsonNode p : operation.getValue().path("parameters")) {
                if (!"query".equals(p.path("in").asText())) {
                    continue;
                }
                String where = operation.getKey() + " " + path.getKey() + " " + p.path("name").asText();
                if (p.path("description").asText().isBlank()) {
                    bare.add(where + ": no description");
                }
                if (p.path("schema").path("type").isMissingNode()) {
                    bare.add(where + ": no type");
                }
            }
        }));
        assertEquals(List.of(), bare);
    }

    @Test
    void boundsDefaultsAndAllowedValuesAreThoseTheServerApplies() throws IOException {
        JsonNode doc = document();
        JsonNode limit = parameter(doc, "/api/cameras", "get", "limit").path("schema");
        assertEquals("integer", limit.path("type").asText());
        assertEquals(CameraQuery.MAX_LIMIT, limit.path("maximum").asInt());
        assertEquals(CameraQuery.DEFAULT_LIMIT, limit.path("default").asInt());

        JsonNode view = parameter(doc, "/api/cameras", "get", "view").path("schema");
        assertEquals(Arrays.stream(SearchView.values()).map(SearchView::wire).toList(), strings(view.path("enum")));
        assertEquals(List.of("geojson", "csv"), strings(parameter(doc, "/api/cameras/export", "get", "format").path("schema").path("enum")));
        JsonNode zoom = parameter(doc, "/api/cameras/clusters", "get", "zoom");
        assertEquals(true, zoom.path("required").asBoolean());
        assertEquals(22, zoom.path("schema").path("maximum").asInt());
        // an enumerated filter: an array of the enum's values, written comma-separated
        JsonNode kind = parameter(doc, "/api/cameras", "get", "kind");
        assertEquals(CameraValues.byProperty().get("kind"), strings(kind.path("schema").path("items").path("enum")));
        assertEquals(false, kind.path("explode").asBoolean(true));
        assertEquals("integer", parameter(doc, "/api/cameras", "get", "site").path("schema").path("items").path("type").asText());
        // issue 17: the sign's words from the one list of values, the true date as a period, on every route that filters
        for (String path : List.of("/api/cameras", "/api/cameras/export", "/api/cameras/clusters", "/api/cities/{code}/stats")) {
            JsonNode words = parameter(doc, path, "get", "signNamesOperator");
            assertEquals(CameraValues.byProperty().get("signNamesOperator"), strings(words.path("schema").path("items").path("enum")), path);
            assertEquals(CameraValues.byProperty().get("signGivesContact"),
                    strings(parameter(doc, path, "get", "signGivesContact").path("schema").path("items").path("enum")), path);
            for (String bound : List.of("firstSeenFrom", "firstSeenTo")) {
                JsonNode date = parameter(doc, path, "get", bound).path("schema");
                assertEquals("string", date.path("type").asText(), path + " " + bound);
                assertTrue("2014-07".matches(date.path("pattern").asText()), path + " " + bound + ": " + date);
                assertFalse("14/07/2014".matches(date.path("pattern").asText()), path + " " + bound);
            }
        }
    }

    @Test
    void aValueTheDocumentDoesNotAllowIsRefused() {
        // include lists one value: another is a 400 naming the parameter, not silently ignored
        given().queryParam("bbox", "5.70,45.17,5.75,45.20").queryParam("include", "everything").get("/api/cameras")
                .then().statusCode(400).body("errors[0].field", containsString("include"));
    }
}
