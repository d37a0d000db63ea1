package org.vigie.camera.export;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.city.CityFixtures;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.support.Api.PROBLEM;

/** GET /api/cameras/export: the whole selection, as GeoJSON or CSV, read back and compared. */
@QuarkusTest
class CameraExportTest {

    static final String LYON = "69123";
    static final String TRICKY_NOTES = "Face au n°3, \"entrée\" nord;\nseconde ligne";
    static final String TRICKY_OPERATOR = "Société Générale, agence Bellecour";

    @Inject
    CityFixtures fixtures;
    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void csvRoundTripsACitysSelection() throws Exception {
        long[] ours = lyonWithTrickyAndOsmCameras();
        Response response = given().queryParam("city", LYON).queryParam("format", "csv").get("/api/cameras/export");
        response.then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"vigie-cameras-69123.csv\""));
        List<List<String>> records = CsvReader.parse(new String(response.asByteArray(), StandardCharsets.UTF_8));
        List<String> header = records.get(0);
        assertEquals(CameraCsv.COLUMNS, header);
        Map<Long, Map<String, String>> rows = new HashMap<>();
        for (List<String> record : records.subList(1, records.size())) {
            assertEquals(header.size(), record.size(), "one cell per column: " + record);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), record.get(i));
            }
            rows.put(Long.parseLong(row.get("id")), row);
        }
        assertEquals(lyonIds(), rows.keySet());
        assertEquals(rows.size(), records.size() - 1, "one row per camera, none twice");

        Map<String, String> tricky = rows.get(ours[0]);
        assertEquals(TRICKY_NOTES, tricky.get("notes"));
        assertEquals(TRICKY_OPERATOR, tricky.get("operator"));
        assertEquals("4.8357", tricky.get("lon"));
        assertEquals("45.764", tricky.get("lat"));
        assertEquals("90;270", tricky.get("directions"));
        assertEquals("zoom;infrared", tricky.get("capabilities"));
        assertEquals(LYON, tricky.get("cityCode"));
        assertEquals("Lyon", tricky.get("cityName"));
        assertEquals("", tricky.get("attribution"));
        JsonPath served = given().get("/api/cameras/" + ours[0]).then().extract().jsonPath();
        assertEquals(served.getString("properties.createdAt"), tricky.get("createdAt"));
        assertEquals(served.getString("properties.version"), tricky.get("version"));
        assertEquals("alpr", tricky.get("kind"));
        assertEquals("'=HYPERLINK(\"http://example.org\")", rows.get(ours[2]).get("operator"), "formula neutralised");
        assertTrue(rows.get(ours[1]).get("attribution").contains("© OpenStreetMap contributors"));
        assertEquals("{\"surveillance\":\"public\"}", rows.get(ours[1]).get("tags"));
    }

    @Test
    void geoJsonRoundTripsACitysSelectionWithTheFilters() throws Exception {
        long[] ours = lyonWithTrickyAndOsmCameras();
        Response response = given().queryParam("city", LYON).queryParam("format", "geojson").get("/api/cameras/export");
        response.then().statusCode(200).contentType(Api.GEOJSON)
                .header("Content-Disposition", equalTo("attachment; filename=\"vigie-cameras-69123.geojson\""))
                .body("type", equalTo("FeatureCollection"))
                .body("attribution", containsString("OpenStreetMap"));
        JsonPath json = response.jsonPath();
        List<Long> featureIds = json.getList("features.id", Long.class);
        Set<Long> ids = featureIds.stream().collect(Collectors.toSet());
        assertEquals(lyonIds(), ids);
        assertEquals(ids.size(), featureIds.size(), "one feature per camera, none twice");

        Map<String, Object> exported = json.getMap("features.find { it.id == " + ours[0] + " }");
        Map<String, Object> read = given().get("/api/cameras/" + ours[0]).then().extract().jsonPath().getMap("$");
        assertEquals(read, exported, "an exported feature is the feature the API serves");
        assertEquals("© OpenStreetMap contributors, ODbL 1.0, https://www.openstreetmap.org/copyright",
                json.getString("features.find { it.id == " + ours[1] + " }.properties.attribution"));
        assertNull(json.get("features.find { it.id == " + ours[0] + " }.properties.attribution"));

        List<String> kinds = given().queryParam("city", LYON).queryParam("format", "geojson").queryParam("kind", "alpr")
                .get("/api/cameras/export").then().statusCode(200).extract().jsonPath().getList("features.properties.kind");
        assertEquals(sql.count("SELECT count(*) FROM camera WHERE visible AND city_code = ? AND kind = 'alpr'", LYON),
                kinds.size());
        assertTrue(kinds.size() >= 1 && kinds.stream().allMatch("alpr"::equals), kinds.toString());
    }

    @Test
    void aBboxExportHasNoLimit() {
        double[] spot = Api.freshSpot();
        int n = 5100;
        sql.update("INSERT INTO camera (position, field_of_view, range_m, source, source_id) "
                + "SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326), 60, 30, 'export-test', ? || i FROM generate_series(1, ?) AS i",
                spot[0], spot[1], spot[0] + "," + spot[1] + "-", n);
        Response response = given().queryParam("bbox", Api.bboxAround(spot, 0.001)).queryParam("format", "csv")
                .get("/api/cameras/export");
        response.then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"vigie-cameras-bbox.csv\""));
        assertEquals(n + 1, CsvReader.parse(response.asString()).size());
    }

    @Test
    void badRequestsAreProblems() {
        given().queryParam("city", "75056").queryParam("format", "xlsx").get("/api/cameras/export")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("format"))
                .body("errors[0].reason", containsString("geojson or csv"));
        given().queryParam("city", "75056").get("/api/cameras/export")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("format"));
        given().queryParam("format", "csv").get("/api/cameras/export")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("bbox"));
        given().queryParam("format", "csv").queryParam("city", "00000").get("/api/cameras/export")
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo("/problems/city-not-found"));
        given().queryParam("format", "csv").queryParam("bbox", "1,2,3").get("/api/cameras/export")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("bbox"));
    }

    /** The communes and the legacy cameras, plus three of ours in Lyon: tricky text, OpenStreetMap, a formula. */
    private long[] lyonWithTrickyAndOsmCameras() throws Exception {
        CityFixtures.assumeData();
        fixtures.clearCities();
        fixtures.importCommunes();
        fixtures.loadLegacyCameras();
        long tricky = Api.create(4.8357, 45.7640, Map.of("notes", TRICKY_NOTES, "operator", TRICKY_OPERATOR,
                "directions", List.of(90, 270), "capabilities", List.of("zoom", "infrared"), "kind", "alpr"));
        long osm = Api.create(4.8358, 45.7640, Map.of());
        sql.update("UPDATE camera SET source = 'osm', source_id = ?, tags = '{\"surveillance\": \"public\"}' WHERE id = ?",
                "node/" + osm, osm);
        long formula = Api.create(4.8359, 45.7640, Map.of("operator", "=HYPERLINK(\"http://example.org\")"));
        return new long[] {tricky, osm, formula};
    }

    private Set<Long> lyonIds() {
        String ids = sql.text("SELECT string_agg(id::text, ',') FROM camera WHERE visible AND city_code = ?", LYON);
        return java.util.Arrays.stream(ids.split(",")).map(Long::parseLong).collect(Collectors.toSet());
    }
}
