package org.vigie.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Browser;
import org.vigie.support.SharedData;
import org.vigie.support.Sql;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A collective sets up its instance from the web app alone, on a phone: logs in as admin, opens
 * Imports from the account panel, imports the commune boundaries, the OpenStreetMap extract (twice:
 * the second run reports nothing new), the 2012 sous-surveillance.net export, and a list in the Paris
 * police's format (recognised from its header; twice; then again after a volunteer edited one of its
 * cameras: a conflict, with a link to that camera); a refused source and a truncated file show their
 * error next to the field and keep the form. On a desktop, in English: a Lambert-93 list whose columns
 * are chosen from its header. The OpenStreetMap sync's state is shown; axe-core finds nothing serious.
 */
@QuarkusTest
class ImportScreenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String PANEL = "#import-panel";

    @TestHTTPResource("/")
    URL base;

    @Inject
    Sql sql;
    @TempDir
    Path dir;
    private boolean axeMissing;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void aCollectiveImportsItsCityFromThePhone() throws IOException {
        Path communes = SharedData.file("boundaries/france-communes-selection.geojson");
        Path monaco = SharedData.file("osm/monaco-2021-04-21.osm.pbf");
        Path legacy = SharedData.file("legacy/sous-surveillance-2012.geojson");
        double[] spot = Api.freshSpot();
        ParisList list = ParisList.write(dir, spot, 60);
        long known = Api.create(list.nearKnown()[0], list.nearKnown()[1], Map.of());
        String source = "pp-" + Long.toString(System.nanoTime(), 36);

        try (Browser.Session s = Browser.open(Browser.options().phone()).logIn(Accounts.admin())) {
            Page page = s.page();
            page.setDefaultTimeout(180_000); // a country-sized extract takes a while; on a loaded machine, so does Monaco
            page.navigate(base + "#map=14/43.735/7.42");
            page.waitForSelector("body[data-ready]");
            page.locator("#account").click();
            page.locator("#open-imports").click();
            page.waitForSelector(PANEL + ":not([hidden]) #import-form");
            page.waitForSelector(PANEL + " .import-sync dd[data-scheduled]");
            assertEquals("false", page.locator(PANEL + " .import-sync dd[data-scheduled]").getAttribute("data-scheduled"));
            assertTrue(page.locator(PANEL + " .import-sync .settings").textContent().contains("vigie.osm.sync-every"),
                    "the screen says what to set to turn the sync on");
            shot(page, "imports-1-open-360x640");
            accessible(page, "fr-FR imports screen");

            // 1. the communes' boundaries
            page.locator("#import-form input[name=what][value=boundaries]").check();
            page.setInputFiles("#import-file", communes);
            Map<String, Object> cities = send(page, "/api/cities/boundaries");
            page.waitForSelector(PANEL + " .import-report[data-format=boundaries]");
            assertEquals(18, cities.get("cities"));
            assertTrue(reportText(page).contains("18 commune(s)"), reportText(page));
            shot(page, "imports-2-boundaries-360x640");

            // 2. the OpenStreetMap extract: its format is told before sending; the second run brings nothing new
            page.locator("#import-form input[name=what][value=cameras]").check();
            page.setInputFiles("#import-file", monaco);
            page.waitForSelector(PANEL + " .file-info:has-text('OpenStreetMap (PBF)')");
            assertEquals("pbf", page.locator("#import-format").inputValue());
            Map<String, Object> first = send(page, "/api/imports");
            page.waitForSelector(PANEL + " .import-report[data-format=pbf]");
            assertFiguresShown(page, first);
            long inMonaco = number(first, "created") + number(first, "updated") + number(first, "unchanged");
            assertTrue(inMonaco > 0, first.toString());
            shot(page, "imports-3-osm-360x640");
            Map<String, Object> again = send(page, "/api/imports");
            page.waitForSelector(PANEL + " .import-report[data-format=pbf] .nothing-new");
            assertNothingNew(again);
            assertEquals(inMonaco, number(again, "unchanged"), "the second run finds every camera of the first unchanged");
            assertFiguresShown(page, again);
            shot(page, "imports-4-osm-again-360x640");

            // 3. the 2012 sous-surveillance.net export, each reason for a skip in words
            page.setInputFiles("#import-file", legacy);
            page.waitForSelector(PANEL + " .file-info:has-text('sous-surveillance.net')");
            Map<String, Object> old = send(page, "/api/imports");
            page.waitForSelector(PANEL + " .import-report[data-format=sous-surveillance]");
            assertFiguresShown(page, old);
            assertTrue(number(old, "created") + number(old, "updated") + number(old, "unchanged") > 0, old.toString());
            for (String reason : page.locator(PANEL + " .import-skipped li").allTextContents()) {
                assertFalse(reason.contains("_"), "a skip reason in words, not its code: " + reason);
            }
            shot(page, "imports-5-legacy-360x640");

            // 4. the Paris police's list, recognised from its header: the source's name is all it needs
            page.setInputFiles("#import-file", list.file());
            page.waitForSelector(PANEL + " .list-options .recognised");
            assertEquals("csv", page.locator("#import-format").inputValue());
            assertTrue(page.locator("#import-source").inputValue().length() > 0, "a source name is offered");
            // a refused option: its error next to the field, the file and the options kept
            page.locator("#import-source").fill("osm");
            page.locator("#import-match-distance").fill("12");
            send(page, "/api/imports");
            page.waitForSelector(PANEL + " [data-error-for=source]:not([hidden])");
            assertTrue(page.locator(PANEL + " [data-error-for=source]").textContent().contains("osm"));
            assertEquals("true", page.locator("#import-source").getAttribute("aria-invalid"));
            assertEquals(list.file().getFileName().toString(), page.evaluate("() => document.querySelector('#import-file').files[0].name"));
            assertEquals("12", page.locator("#import-match-distance").inputValue());
            assertEquals(0, page.locator(PANEL + " .import-report").count());
            shot(page, "imports-6-refused-source-360x640");

            page.locator("#import-source").fill(source);
            page.locator("#import-match-distance").fill("15");
            Map<String, Object> paris = send(page, "/api/imports");
            page.waitForSelector(PANEL + " .import-report[data-format=csv]");
            assertFalse(page.locator(PANEL + " [data-error-for=source]").isVisible(), "the corrected field is no longer marked");
            assertEquals(list.usable(), number(paris, "created"));
            assertEquals(1, number(paris, "linked"));
            assertFiguresShown(page, paris);
            assertEquals(known, sql.count("SELECT merged_into FROM camera WHERE source = ? AND source_id = ?", source, list.nearKnownRef()));
            assertEquals(list.noCoordinates() + " : lignes sans coordonnées",
                    page.locator(PANEL + " .import-skipped li[data-reason=no_coordinates]").textContent());
            assertEquals(list.broken() + " : coordonnées illisibles ou hors limites",
                    page.locator(PANEL + " .import-skipped li[data-reason=invalid_coordinates]").textContent());
            page.locator(PANEL + " .import-skipped").scrollIntoViewIfNeeded();
            shot(page, "imports-7-paris-list-360x640");
            accessible(page, "fr-FR imports screen with a list's report");

            Map<String, Object> parisAgain = send(page, "/api/imports");
            page.waitForSelector(PANEL + " .import-report[data-format=csv] .nothing-new");
            assertNothingNew(parisAgain);
            assertEquals(list.usable(), number(parisAgain, "unchanged"));

            // 5. a volunteer edits one of the list's cameras; the list changes that row: the volunteer's values stay
            long edited = sql.count("SELECT id FROM camera WHERE source = ? AND source_id = ?", source, list.ref(3));
            int version = (int) sql.count("SELECT version FROM camera WHERE id = ?", edited);
            double[] at = list.position(3);
            Api.update(edited, version, at[0], at[1], Map.of("operator", "Mairie, d'après une bénévole"));
            Files.writeString(list.file(), Files.readString(list.file()).replace("face au 3\"", "face au 3 bis\""));
            page.setInputFiles("#import-file", list.file());
            page.waitForSelector(PANEL + " .list-options .recognised");
            page.locator("#import-source").fill(source);
            Map<String, Object> conflict = send(page, "/api/imports");
            page.waitForSelector(PANEL + " .import-report .import-conflicts");
            assertEquals(1, number(conflict, "conflicts"));
            assertEquals(List.of(edited), ((List<?>) conflict.get("conflictCameraIds")).stream().map(n -> ((Number) n).longValue()).toList());
            page.locator(PANEL + " .import-conflicts").scrollIntoViewIfNeeded();
            shot(page, "imports-8-conflict-360x640");
            page.locator(PANEL + " .import-conflicts a[data-camera-id='" + edited + "']").click();
            page.waitForSelector("#sheet:not([hidden]) h2:has-text('Caméra n° " + edited + "')");
            assertTrue(page.locator("#sheet").textContent().contains("Mairie, d'après une bénévole"), "the volunteer's values were kept");
            // back to the screen: the report is still there
            page.locator("#account").click();
            page.locator("#open-imports").click();
            page.waitForSelector(PANEL + ":not([hidden]) .import-report .import-conflicts");

            // 6. a truncated extract: refused whole, its error next to the file, the form kept
            byte[] pbf = Files.readAllBytes(monaco);
            Path truncated = Files.write(dir.resolve("monaco-truncated.osm.pbf"), java.util.Arrays.copyOf(pbf, pbf.length / 3));
            page.setInputFiles("#import-file", truncated);
            page.waitForSelector(PANEL + " .file-info:has-text('OpenStreetMap (PBF)')");
            page.locator("#import-fullArea").check();
            send(page, "/api/imports");
            page.waitForSelector(PANEL + " [data-error-for=file]:not([hidden])");
            String error = page.locator(PANEL + " [data-error-for=file]").textContent();
            assertTrue(error.contains("rien n'a été importé"), error);
            assertTrue(page.locator("#import-fullArea").isChecked(), "the options stay");
            assertEquals("monaco-truncated.osm.pbf", page.evaluate("() => document.querySelector('#import-file').files[0].name"));
            assertEquals(0, page.locator(PANEL + " .import-report").count());
            shot(page, "imports-9-broken-file-360x640");
            accessible(page, "fr-FR imports screen with an error");

            s.errors().removeIf(e -> e.contains("basemap") || e.contains("tile") || e.contains("status of 4"));
            assertEquals(List.of(), s.errors());
        }
        assumeAxeRan();
    }

    @Test
    void onADesktopInEnglishTheColumnsOfALambert93ListAreChosenFromItsHeader() throws IOException {
        // at sea in the Bay of Biscay, within Lambert-93, away from the other tests' cameras
        double lon = -4 + Math.random();
        double lat = 45.5 + Math.random() / 2;
        StringBuilder csv = new StringBuilder("identifiant;X;Y;lieu;gestionnaire\n");
        for (int i = 0; i < 4; i++) {
            double x = sql.decimal("SELECT ST_X(ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4326), 2154))", lon + i * 0.01, lat);
            double y = sql.decimal("SELECT ST_Y(ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4326), 2154))", lon + i * 0.01, lat);
            csv.append("L").append(i).append(';').append(String.format(Locale.ROOT, "%.2f;%.2f", x, y))
                    .append(";Quai ").append(i).append(";Port de Brest\n");
        }
        Path file = Files.writeString(dir.resolve("cameras-du-port.csv"), csv.toString());
        String source = "port-" + Long.toString(System.nanoTime(), 36);

        try (Browser.Session s = Browser.open(Browser.options().desktop().locale("en-US")).logIn(Accounts.admin())) {
            Page page = s.page();
            page.setDefaultTimeout(120_000);
            page.navigate(base + "#map=9/" + lat + "/" + lon);
            page.waitForSelector("body[data-ready]");
            page.locator("#account").click();
            page.locator("#open-imports").click();
            page.waitForSelector(PANEL + ":not([hidden]) #import-form");
            page.waitForSelector(PANEL + " .import-sync dd[data-scheduled]");
            assertTrue(page.locator(PANEL + " .import-sync").textContent().contains("VIGIE_OSM_REPLICATION_URL"));
            accessible(page, "en-US imports screen");

            page.setInputFiles("#import-file", file);
            page.waitForSelector(PANEL + " .list-options");
            assertEquals("csv", page.locator("#import-format").inputValue());
            // guessed from the header's names, and changeable
            assertTrue(page.locator(PANEL + " input[name=projected]").isChecked(), "X and Y are taken for Lambert-93");
            assertEquals("X", page.locator("#import-lon").inputValue());
            assertEquals("x", page.locator("#import-lon").getAttribute("name"));
            assertEquals("identifiant", page.locator("#import-ref").inputValue());
            assertEquals("gestionnaire", page.locator("#import-operator-column").inputValue());
            assertTrue(page.locator(PANEL + " input[name=address][value=lieu]").isChecked());
            assertEquals("cameras-du-port", page.locator("#import-source").inputValue());
            page.locator("#import-source").fill(source);
            page.locator("#import-match-distance").fill("0");
            page.locator("#import-fullArea").check();
            page.locator(PANEL + " button.use-view").click();
            assertTrue(page.locator("#import-bbox").inputValue().matches("-?[\\d.]+,-?[\\d.]+,-?[\\d.]+,-?[\\d.]+"),
                    page.locator("#import-bbox").inputValue());
            Map<String, Object> report = send(page, "/api/imports");
            page.waitForSelector(PANEL + " .import-report[data-format=csv]");
            assertEquals(4, number(report, "created"));
            assertFiguresShown(page, report);
            assertTrue(reportText(page).contains("Created"), reportText(page));
            assertEquals("Port de Brest", sql.text("SELECT operator FROM camera WHERE source = ? AND source_id = 'L2'", source));
            assertEquals(lon + 0.02, sql.decimal("SELECT ST_X(position) FROM camera WHERE source = ? AND source_id = 'L2'", source), 1e-6);
            shot(page, "imports-desktop-1280x800");
            accessible(page, "en-US imports screen with a report");
            s.errors().removeIf(e -> e.contains("basemap") || e.contains("tile"));
            assertEquals(List.of(), s.errors());
        }
        assumeAxeRan();
    }

    /** Clicks Import and answers the server's reply (a report or a problem) as JSON. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> send(Page page, String route) throws IOException {
        Response response = page.waitForResponse(r -> r.url().endsWith(route) && "POST".equals(r.request().method()),
                () -> page.locator("#import-send").click());
        return JSON.readValue(response.text(), Map.class);
    }

    /** Each figure on the screen is the server's. */
    private static void assertFiguresShown(Page page, Map<String, Object> report) {
        for (String figure : List.of("created", "updated", "linked", "unchanged", "removed", "conflicts")) {
            assertEquals(String.valueOf(number(report, figure)),
                    page.locator(PANEL + " .import-report dd[data-figure=" + figure + "]").getAttribute("data-value"), figure);
        }
    }

    private static void assertNothingNew(Map<String, Object> report) {
        for (String figure : List.of("created", "updated", "linked", "removed", "conflicts")) {
            assertEquals(0, number(report, figure), figure + " in " + report);
        }
    }

    private static long number(Map<String, Object> report, String name) {
        return ((Number) report.get(name)).longValue();
    }

    private static String reportText(Page page) {
        return page.locator(PANEL + " .import-report").textContent();
    }

    /** axe-core finds no serious or critical violation on the page as it is; without axe-core, the walk goes on unchecked. */
    private void accessible(Page page, String where) throws IOException {
        if (!Files.isReadable(AccessibilityTest.AXE)) {
            axeMissing = true;
            return;
        }
        // the screen itself (the toolbar's logged-in account button is AccessibilityTest's, logged out)
        assertEquals(List.of(), AccessibilityTest.check(page, Files.readString(AccessibilityTest.AXE), where, PANEL));
    }

    /** Said at the end of a walk that could not be checked by axe-core (the walk itself was). */
    private void assumeAxeRan() {
        assumeTrue(!axeMissing, "the accessibility checks were skipped: " + AccessibilityTest.AXE + " is missing (npm install, or ./dev test)");
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
    }

    /**
     * A list in the Paris police's format, as OfficialListImportTest writes one: rows on a grid 50 m
     * apart, every 10th without coordinates, two broken, one 5 m from a camera already mapped.
     */
    record ParisList(Path file, double[] origin, int rows, int noCoordinates, int broken, int nearKnownRow) {

        static final String HEADER = "Code postal;Numéro;Implantation;Précision;Date de mise en service;lon;lat";

        static ParisList write(Path dir, double[] origin, int rows) throws IOException {
            ParisList list = new ParisList(dir.resolve("liste-prefecture.csv"), origin, rows, rows / 10, 2, 11);
            StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
            int noCoordinates = 0;
            for (int i = 0; i < rows; i++) {
                double[] p = list.position(i);
                String lon = String.format(Locale.ROOT, "%.7f", p[0]);
                String lat = String.format(Locale.ROOT, "%.7f", p[1]);
                if (i % 10 == 7) {
                    lon = "";
                    noCoordinates++;
                } else if (i == 20) {
                    lat = "n/a";
                } else if (i == 21) {
                    lon = "999";
                }
                csv.append("7500").append(1 + i % 9).append(';').append(list.ref(i)).append(';')
                        .append("\"Rue de Rivoli; face au ").append(i).append("\";angle ").append(i % 5).append(';')
                        .append(String.format(Locale.ROOT, "%02d/%02d/%02d", 1 + i % 28, 1 + i % 12, 10 + i % 15)).append(';')
                        .append(lon).append(';').append(lat).append("\r\n");
            }
            assertEquals(list.noCoordinates(), noCoordinates);
            Files.writeString(list.file(), csv.toString(), StandardCharsets.UTF_8);
            return list;
        }

        double[] position(int i) {
            double metre = 1 / (111_320 * Math.cos(Math.toRadians(origin[1])));
            return new double[] {origin[0] + (i % 10) * 50 * metre, origin[1] + (i / 10) * 50 / 111_320.0};
        }

        String ref(int i) {
            return "P" + (1000 + i);
        }

        /** 5 m east of the row that is linked instead of duplicated. */
        double[] nearKnown() {
            double metre = 1 / (111_320 * Math.cos(Math.toRadians(origin[1])));
            double[] row = position(nearKnownRow);
            return new double[] {row[0] + 5 * metre, row[1]};
        }

        String nearKnownRef() {
            return ref(nearKnownRow);
        }

        /** The rows with usable coordinates: each one a camera (the linked one too, merged into the known). */
        long usable() {
            return rows - noCoordinates - broken;
        }
    }
}
