package org.vigie.city.boundary;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.cli.UsageException;
import org.vigie.support.Sql;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The import-cities command on made-up boundaries in the open Atlantic (longitude -30), where no
 * other test puts cameras: what it stores, updates in place, and refuses whole.
 */
@QuarkusTest
class ImportCitiesCommandTest {

    @Inject
    ImportCitiesCommand command;
    @Inject
    Sql sql;
    @TempDir
    Path dir;

    @BeforeEach
    void noCities() {
        sql.update("DELETE FROM city");
        sql.update("DELETE FROM camera WHERE source = 'city-import-test'");
    }

    @Test
    void importsBothPropertyConventionsAndUpdatesInPlace() throws IOException {
        Path ign = file("ign.geojson", feature("{\"nom\": \"Île-Test\", \"code\": \"99001\"}", square(-30, 40, 0.1)));
        assertEquals(0, run(ign).code, "exit code");
        assertEquals(1, sql.count("SELECT count(*) FROM city WHERE code = '99001' AND name = 'Île-Test'"));
        // A 0.1° square at 40°N is about 11.1 km × 8.5 km.
        double area = sql.decimal("SELECT area_km2 FROM city WHERE code = '99001'");
        assertTrue(area > 90 && area < 100, "area on the ground: " + area);

        long camera = insertCamera(-29.97, 40.05);
        assertEquals("99001", cityOf(camera));

        // OpenStreetMap conventions, the same code: the city is updated in place and shrinks away from the camera.
        Path osm = file("osm.geojson", feature("{\"name\": \"Île-Renommée\", \"ref:INSEE\": \"99001\", \"admin_level\": \"8\"}",
                square(-30, 40, 0.02)));
        Outcome outcome = run(osm);
        assertEquals(0, outcome.code);
        assertTrue(outcome.out.contains("0 new, 1 updated"), outcome.out);
        assertTrue(outcome.out.contains("1 cameras changed city"), outcome.out);
        assertEquals(1, sql.count("SELECT count(*) FROM city"));
        assertEquals(1, sql.count("SELECT count(*) FROM city WHERE name = 'Île-Renommée'"));
        assertEquals(null, cityOf(camera));
    }

    @Test
    void propertiesCanBeNamed() throws IOException {
        Path custom = file("custom.geojson", feature("{\"LIBELLE\": \"Custom\", \"ID\": 99002}", square(-30, 41, 0.1)));
        Outcome detected = run(custom);
        assertEquals(1, detected.code);
        assertTrue(detected.err.contains("--name-property"), detected.err);
        assertEquals(0, run(custom, "--name-property", "LIBELLE", "--code-property=ID").code);
        assertEquals(1, sql.count("SELECT count(*) FROM city WHERE code = '99002' AND name = 'Custom'"));
    }

    @Test
    void aBadFeatureIsReportedAndNothingIsWritten() throws IOException {
        Path bad = file("bad.geojson",
                feature("{\"nom\": \"Good\", \"code\": \"99003\"}", square(-30, 42, 0.1)),
                "{\"type\": \"Feature\", \"properties\": {\"nom\": \"Nowhere\", \"code\": \"99004\"}, \"geometry\": null}",
                feature("{\"nom\": \"No code\"}", square(-30, 43, 0.1)),
                feature("{\"nom\": \"Point\", \"code\": \"99005\"}", "{\"type\": \"Point\", \"coordinates\": [-30, 44]}"),
                feature("{\"nom\": \"Open\", \"code\": \"99006\"}",
                        "{\"type\": \"Polygon\", \"coordinates\": [[[-30, 45], [-29.9, 45], [-29.9, 45.1], [-30, 45.1]]]}"),
                feature("{\"nom\": \"Twice\", \"code\": \"99003\"}", square(-30, 46, 0.1)));
        Outcome outcome = run(bad);
        assertEquals(1, outcome.code);
        assertTrue(outcome.err.contains("nothing was imported, 5 problems"), outcome.err);
        assertTrue(outcome.err.contains("feature 2 (code 99004) \"Nowhere\": has no geometry"), outcome.err);
        assertTrue(outcome.err.contains("feature 3 \"No code\": has no \"code\" property"), outcome.err);
        assertTrue(outcome.err.contains("feature 4 (code 99005) \"Point\": geometry is a Point"), outcome.err);
        assertTrue(outcome.err.contains("feature 5 (code 99006) \"Open\": ring 1 is not closed"), outcome.err);
        assertTrue(outcome.err.contains("feature 6 (code 99003) \"Twice\": repeats the code of feature 1"), outcome.err);
        assertEquals(0, sql.count("SELECT count(*) FROM city"));
    }

    @Test
    void aBoundaryTheDatabaseRefusesRollsBackTheWholeFile() throws IOException {
        String degenerate = "{\"type\": \"Polygon\", \"coordinates\": [[[-30, 47], [-30, 47], [-30, 47], [-30, 47]]]}";
        Path file = file("degenerate.geojson", feature("{\"nom\": \"Good\", \"code\": \"99007\"}", square(-30, 48, 0.1)),
                feature("{\"nom\": \"Flat\", \"code\": \"99008\"}", degenerate));
        Outcome outcome = run(file);
        assertEquals(1, outcome.code);
        assertTrue(outcome.err.contains("feature 2 (code 99008)"), outcome.err);
        assertEquals(0, sql.count("SELECT count(*) FROM city"), "the good feature before it is not kept");
    }

    @Test
    void filesThatAreNotBoundariesAreRefusedClearly() throws IOException {
        assertTrue(run(file("broken.geojson", "{\"type\": \"FeatureCollection\", \"features\": [")).err
                .contains("not valid JSON at line"));
        assertTrue(run(Files.writeString(dir.resolve("point.geojson"), "{\"type\": \"Point\", \"coordinates\": [0, 0]}")).err
                .contains("not a GeoJSON FeatureCollection"));
        Outcome missing = run(dir.resolve("absent.geojson"));
        assertEquals(1, missing.code);
        assertTrue(missing.err.contains("no such file"), missing.err);
        assertEquals(0, sql.count("SELECT count(*) FROM city"));
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThrows(UsageException.class, () -> command.run(List.of()));
        assertThrows(UsageException.class, () -> command.run(List.of("a.geojson", "b.geojson")));
        assertThrows(UsageException.class, () -> command.run(List.of("a.geojson", "--name-property")));
        assertThrows(UsageException.class, () -> command.run(List.of("a.geojson", "--verbose")));
    }

    private record Outcome(int code, String out, String err) {
    }

    private Outcome run(Path file, String... options) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try {
            List<String> args = new java.util.ArrayList<>(List.of(file.toString()));
            args.addAll(List.of(options));
            int code = command.run(args);
            return new Outcome(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private long insertCamera(double lon, double lat) {
        sql.update("INSERT INTO camera (position, field_of_view, range_m, source, source_id) VALUES ("
                + "ST_SetSRID(ST_MakePoint(?, ?), 4326), 60, 30, 'city-import-test', 'one')", lon, lat);
        return sql.count("SELECT id FROM camera WHERE source = 'city-import-test'");
    }

    private String cityOf(long camera) {
        return sql.text("SELECT city_code FROM camera WHERE id = ?", camera);
    }

    private Path file(String name, String... features) throws IOException {
        String body = features.length == 1 && features[0].startsWith("{\"type\": \"FeatureCollection\"")
                ? features[0]
                : "{\"type\": \"FeatureCollection\", \"features\": [" + String.join(",", features) + "]}";
        return Files.writeString(dir.resolve(name), body);
    }

    private static String feature(String properties, String geometry) {
        return "{\"type\": \"Feature\", \"properties\": " + properties + ", \"geometry\": " + geometry + "}";
    }

    private static String square(double lon, double lat, double side) {
        return String.format(java.util.Locale.ROOT,
                "{\"type\": \"Polygon\", \"coordinates\": [[[%f, %f], [%f, %f], [%f, %f], [%f, %f], [%f, %f]]]}",
                lon, lat, lon + side, lat, lon + side, lat + side, lon, lat + side, lon, lat);
    }
}
