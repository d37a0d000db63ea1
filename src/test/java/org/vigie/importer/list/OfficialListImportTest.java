package org.vigie.importer.list;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.cli.UsageException;
import org.vigie.importer.ImportCommand;
import org.vigie.importer.ImportFailure;
import org.vigie.importer.ImportFormat;
import org.vigie.importer.ImportOptions;
import org.vigie.importer.ImportReport;
import org.vigie.importer.ImportService;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Official lists: a generated list in the Paris police's format (700 rows, ten of them without usable
 * coordinates, one 5 m from a camera already mapped), imported twice; a Lambert-93 list; a Latin-1 file.
 */
@QuarkusTest
class OfficialListImportTest {

    static final String PARIS_HEADER = "Code postal;Numéro;Implantation;Précision;Date de mise en service;lon;lat";

    @Inject
    ImportService imports;
    @Inject
    ImportCommand command;
    @Inject
    Sql sql;
    @TempDir
    Path dir;

    private static String uniqueSource(String base) {
        return base + "-" + Long.toString(System.nanoTime(), 36);
    }

    private ImportReport importList(Path file, Map<String, List<String>> options) {
        return imports.importFile(file, new ImportOptions(ImportFormat.CSV, false, null, ListOptionsParser.parse(options)), c -> { });
    }

    @Test
    void theParisPoliceListIsImportedOnceLinkedToTheKnownCameraAndCountsItsBadRows() throws IOException {
        Api.init();
        double[] spot = Api.freshSpot();
        double metre = 1 / (111_320 * Math.cos(Math.toRadians(spot[1])));
        // 700 rows on a grid 50 m apart; the 100th lies 5 m west of a camera a volunteer mapped
        double[] row100 = {spot[0] + (100 % 30) * 50 * metre, spot[1] + (100 / 30) * 50 / 111_320.0};
        long known = Api.create(row100[0] + 5 * metre, row100[1], Map.of());
        StringBuilder csv = new StringBuilder(PARIS_HEADER).append("\r\n");
        for (int i = 0; i < 700; i++) {
            double lon = spot[0] + (i % 30) * 50 * metre;
            double lat = spot[1] + (i / 30) * 50 / 111_320.0;
            String lonText = String.format(Locale.ROOT, "%.7f", lon);
            String latText = String.format(Locale.ROOT, "%.7f", lat);
            if (i % 100 == 7) {
                lonText = ""; // 7 rows: no coordinates
            } else if (i == 50 || i == 51) {
                latText = "n/a"; // broken
            } else if (i == 52) {
                lonText = "999";
            }
            csv.append("7500").append(1 + i % 20).append(';').append("P").append(1000 + i).append(';')
                    .append("\"Rue de Rivoli; face au ").append(i).append("\"").append(';').append("angle rue ").append(i % 9).append(';')
                    .append(String.format(Locale.ROOT, "%02d/%02d/%02d", 1 + i % 28, 1 + i % 12, 10 + i % 15)).append(';')
                    .append(lonText).append(';').append(latText).append("\r\n");
        }
        Path file = Files.writeString(dir.resolve("paris-police.csv"), csv.toString(), StandardCharsets.UTF_8);
        String source = uniqueSource("paris-police");

        ImportReport first = importList(file, Map.of("source", List.of(source)));
        assertEquals(700 - 10, first.created());
        assertEquals(Map.of("no_coordinates", 7L, "invalid_coordinates", 3L), first.skipped());
        assertEquals(1, first.linked());
        assertEquals(source, first.source());
        assertEquals(690, sql.count("SELECT count(*) FROM camera WHERE source = ?", source));
        assertEquals(689, sql.count("SELECT count(*) FROM camera WHERE source = ? AND visible", source));
        assertEquals(known, sql.count("SELECT merged_into FROM camera WHERE source = ? AND source_id = 'P1100'", source));
        assertEquals(1, sql.count("SELECT count(*) FROM camera WHERE visible AND ST_DWithin(position::geography, "
                + "(SELECT position FROM camera WHERE id = ?)::geography, 15)", known), "the known camera is not duplicated");
        String notes = sql.text("SELECT notes FROM camera WHERE source = ? AND source_id = 'P1001'", source);
        assertTrue(notes.contains("Rue de Rivoli; face au 1, angle rue 1, 75002") && notes.contains("Mise en service : 2011-02-02"), notes);
        assertEquals("Préfecture de police", sql.text("SELECT operator FROM camera WHERE source = ? AND source_id = 'P1001'", source));
        // the date of commissioning is when the camera was first seen (issue 17), not the day of the import
        assertEquals("2011-02-02", sql.text("SELECT first_seen::text FROM camera WHERE source = ? AND source_id = 'P1001'", source));
        assertEquals("public", sql.text("SELECT operator_type FROM camera WHERE source = ? AND source_id = 'P1001'", source));

        ImportReport again = importList(file, Map.of("source", List.of(source)));
        assertEquals(0, again.created());
        assertEquals(0, again.updated());
        assertEquals(690, again.unchanged());
        assertEquals(0, again.linked());
        assertEquals(689, sql.count("SELECT count(*) FROM camera WHERE source = ? AND visible", source));
    }

    @Test
    void aLambert93ListLandsWherePostgisPutsIt() throws IOException {
        // at sea off the French coasts (within Lambert-93, away from the other tests' cities)
        double[][] places = {{-2.5, 47.0}, {3.5, 43.0}, {1.4, 50.5}, {-5.0, 48.0}};
        StringBuilder csv = new StringBuilder("\"id\",\"X (Lambert 93)\",\"Y (Lambert 93)\",\"lieu\"\n");
        for (int i = 0; i < places.length; i++) {
            double x = sql.decimal("SELECT ST_X(ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4326), 2154))", places[i][0], places[i][1]);
            double y = sql.decimal("SELECT ST_Y(ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4326), 2154))", places[i][0], places[i][1]);
            double[] back = Lambert93.toLonLat(x, y);
            assertEquals(places[i][0], back[0], 1e-7, "longitude of " + x + " " + y);
            assertEquals(places[i][1], back[1], 1e-7, "latitude of " + x + " " + y);
            csv.append('"').append("L").append(i).append("\",").append(String.format(Locale.ROOT, "\"%.2f\",\"%.2f\"", x, y).replace('.', ','))
                    .append(",\"lieu, \"\"").append(i).append("\"\"\"\n");
        }
        // the fields are quoted and use the decimal comma, as French spreadsheets write them
        Path file = Files.writeString(dir.resolve("lambert.csv"), csv.toString());
        String source = uniqueSource("l93");
        ImportReport report = importList(file, Map.of("source", List.of(source), "x", List.of("X (Lambert 93)"),
                "y", List.of("y (lambert 93)"), "crs", List.of("EPSG:2154"), "ref", List.of("id"), "address", List.of("lieu"),
                "match-distance", List.of("0")));
        assertEquals(4, report.created(), report.toString());
        for (int i = 0; i < places.length; i++) {
            assertEquals(places[i][0], sql.decimal("SELECT ST_X(position) FROM camera WHERE source = ? AND source_id = ?", source, "L" + i), 1e-6);
            assertEquals(places[i][1], sql.decimal("SELECT ST_Y(position) FROM camera WHERE source = ? AND source_id = ?", source, "L" + i), 1e-6);
        }
        assertTrue(sql.text("SELECT notes FROM camera WHERE source = ? AND source_id = 'L2'", source).contains("lieu, \"2\""));
    }

    @Test
    void aLatin1FileWithTabsKeepsItsAccents() throws IOException {
        double[] spot = Api.freshSpot();
        String text = "longitude\tlatitude\tadresse\texploitant\n"
                + spot[0] + "\t" + spot[1] + "\tPlace de l'Hôtel-de-Ville, Évry\tMairie d'Évry\n"
                + "\t\t\t\n";
        Path file = Files.write(dir.resolve("latin1.csv"), text.getBytes(StandardCharsets.ISO_8859_1));
        String source = uniqueSource("evry");
        ImportReport report = importList(file, Map.of("source", List.of(source), "lon", List.of("longitude"),
                "lat", List.of("latitude"), "address", List.of("adresse"), "operator-column", List.of("exploitant")));
        assertEquals(1, report.created());
        assertEquals(Map.of("no_coordinates", 1L), report.skipped());
        String notes = sql.text("SELECT notes FROM camera WHERE source = ?", source);
        assertTrue(notes.contains("Place de l'Hôtel-de-Ville, Évry"), notes);
        assertEquals("Mairie d'Évry", sql.text("SELECT operator FROM camera WHERE source = ?", source));
    }

    @Test
    void aColumnMissingFromTheHeaderImportsNothing() throws IOException {
        double[] spot = Api.freshSpot();
        Path file = Files.writeString(dir.resolve("missing.csv"), "lon,lat\n" + spot[0] + "," + spot[1] + "\n");
        String source = uniqueSource("missing");
        ImportFailure failure = assertThrows(ImportFailure.class, () -> importList(file, Map.of("source", List.of(source),
                "lon", List.of("lon"), "lat", List.of("lat"), "ref", List.of("numéro"))));
        assertTrue(failure.getMessage().contains("no column \"numéro\""), failure.getMessage());
        assertEquals(0, sql.count("SELECT count(*) FROM camera WHERE source = ?", source));
    }

    @Test
    void theAdminUploadTakesTheSameOptionsAndNamesABadOne() throws IOException {
        Api.init();
        double[] spot = Api.freshSpot();
        Path file = Files.writeString(dir.resolve("upload.csv"), PARIS_HEADER + "\n75001;U1;Quai;;08/07/16;" + spot[0] + ";" + spot[1] + "\n");
        String source = uniqueSource("upload");
        Accounts.admin().authorized().multiPart("file", file.toFile()).multiPart("format", "csv").multiPart("source", source)
                .post("/api/imports").then().statusCode(200)
                .body("created", equalTo(1)).body("source", equalTo(source)).body("format", equalTo("csv"));
        assertTrue(sql.text("SELECT notes FROM camera WHERE source = ?", source).contains("2016-07-08"));
        Accounts.admin().authorized().multiPart("file", file.toFile()).multiPart("format", "csv").multiPart("source", "osm")
                .post("/api/imports").then().statusCode(400).body("errors[0].field", equalTo("source"));
        Accounts.admin().authorized().multiPart("file", file.toFile()).multiPart("source", "x")
                .post("/api/imports").then().statusCode(400).body("errors[0].field", equalTo("source"))
                .body("errors[0].reason", containsString("format csv"));
    }

    @Test
    void theOptionsAreChecked() {
        Map<String, List<String>> base = new HashMap<>(Map.of("source", List.of("liste")));
        assertEquals("source", invalid(Map.of()).option());
        Map<String, List<String>> projected = new HashMap<>(base);
        projected.put("x", List.of("X"));
        projected.put("y", List.of("Y"));
        assertEquals("crs", invalid(projected).option());
        Map<String, List<String>> distance = new HashMap<>(base);
        distance.put("match-distance", List.of("far"));
        assertEquals("match-distance", invalid(distance).option());
        Map<String, List<String>> format = new HashMap<>(base);
        format.put("date-format", List.of("dd/MM/yyyy'"));
        assertEquals("date-format", invalid(format).option());
        assertEquals(15.0, ListOptionsParser.parse(base).matchDistance());
    }

    @Test
    void theCommandLineTakesTheListsOptionsAndAMappingFile() throws IOException {
        double[] spot = Api.freshSpot();
        Path file = Files.writeString(dir.resolve("cli.csv"), "num;longitude;latitude\nC1;" + spot[0] + ";" + spot[1] + "\n");
        Path mapping = Files.writeString(dir.resolve("cli.mapping"), "# the town's list\nlon = longitude\nlat = latitude\nref = num\n");
        String source = uniqueSource("cli");
        assertEquals(0, command.run(List.of("--format", "csv", "--source", source, "--mapping", mapping.toString(),
                "--operator", "Ville", file.toString())));
        assertEquals("Ville", sql.text("SELECT operator FROM camera WHERE source = ? AND source_id = 'C1'", source));
        assertTrue(assertThrows(UsageException.class, () -> command.run(List.of("--lon", "x", file.toString())))
                .getMessage().contains("goes with --format csv"));
        assertTrue(assertThrows(UsageException.class, () -> command.run(List.of("--format", "csv", file.toString())))
                .getMessage().startsWith("--source"));
        assertTrue(assertThrows(UsageException.class, () -> command.run(List.of("--format", "csv", "--source", "s",
                "--x", "X", "--y", "Y", file.toString()))).getMessage().startsWith("--crs"));
    }

    private static ListOptionsParser.Invalid invalid(Map<String, List<String>> values) {
        return assertThrows(ListOptionsParser.Invalid.class, () -> ListOptionsParser.parse(values));
    }
}
