package org.vigie.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Browser;
import org.vigie.support.Sql;

import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journalist's journey through a city's citizen watch, on a phone and on a desktop: the city
 * panel sums up signs, authorisations, budget and pending requests; the printable dossier shows
 * them all with the sources; the records-request letter is French, filled in and printable.
 */
@QuarkusTest
class CityDossierJourneyTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @TestHTTPResource("/")
    URL base;

    @Inject
    Sql sql;

    @Test
    void aJournalistReadsTheCityWatchOpensTheDossierAndPrintsTheLetter() {
        Api.init();
        Object[] city = org.vigie.watch.WatchTestCities.city(sql, "Vigieville");
        String code = (String) city[0];
        double lon = (Double) city[1];
        double lat = (Double) city[2];
        Api.create(lon, lat, Map.of("operatorType", "public", "filmedArea", "public", "signage", "absent", "operator", "<b>Ville</b>"));
        long signed = Api.create(lon + 0.002, lat, Map.of("operatorType", "public", "filmedArea", "public", "signage", "present"));
        Api.create(lon - 0.002, lat, Map.of("operatorType", "private", "filmedArea", "indoor"));
        Accounts.moderator().request().body(Map.of("reference", "2019-<i>12</i>", "decidedOn", "2019-02-01", "authority", "Préfet de l'Isère",
                "camerasAuthorised", 12, "actUrl", "https://example.org/arrete.pdf")).post("/api/cities/" + code + "/authorisations")
                .then().statusCode(201);
        Accounts.moderator().request().body("{\"year\": 2025, \"amount\": 12000.5, \"purpose\": \"maintenance\"}")
                .post("/api/cities/" + code + "/budget").then().statusCode(201);
        Accounts.moderator().request().body(Map.of("subject", "camera_list", "sentOn", TODAY.minusDays(50).toString()))
                .post("/api/cities/" + code + "/requests").then().statusCode(201);

        String embedded = null;
        for (Browser.Options options : List.of(Browser.options().phone(), Browser.options())) {
            try (Browser.Session s = Browser.open(options)) {
                Page page = s.page();
                if (page.viewportSize() == null || page.viewportSize().width > 400) {
                    page.setViewportSize(1280, 800);
                }
                String size = page.viewportSize().width + "x" + page.viewportSize().height;
                page.navigate(base + "#map=15/" + lat + "/" + lon + "&city=" + code);
                page.waitForSelector("#city-panel .watch");
                String watch = page.locator("#city-panel .watch").textContent();
                assertTrue(watch.contains("1 présent(s), 1 absent(s), 0 non vérifié(s) sur 2"), watch);
                // the 2019 order ran out after five years: its 12 cameras are no longer authorised
                assertTrue(watch.contains("0 caméra(s) autorisée(s)") && watch.contains("2 caméra(s) publique(s)"), watch);
                assertTrue(watch.contains("1 autorisation(s) expirée(s)"), watch);
                assertTrue(watch.contains("Budget 2025 : 12\u202f000,50 €, soit 6\u202f000,25 € par caméra publique"), watch);
                assertTrue(watch.contains("il y a 50 jour(s)") && watch.contains("refus implicite"), watch);
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/city-watch-" + size + ".png")));

                // the embed code of the city's view, then of one camera
                page.locator("#city-panel .embed-open").click();
                String cityCode = page.locator("#city-panel .embed-code").inputValue();
                assertTrue(cityCode.startsWith("<iframe src=\"" + base + "?embed=1#map=") && cityCode.contains("city=" + code), cityCode);
                embedded = cityCode.replaceAll("^<iframe src=\"([^\"]+)\".*$", "$1").replace("&amp;", "&");
                page.locator("[data-camera-id='" + signed + "']").dispatchEvent("click"); // under the bottom sheet on a phone
                page.waitForSelector("#sheet:not([hidden])");
                page.locator("#sheet .embed-open").click();
                String cameraCode = page.locator("#sheet .embed-code").inputValue();
                assertTrue(cameraCode.contains("?embed=1#map=18/" + lat + "/" + (lon + 0.002)) || cameraCode.contains("#map=18/"), cameraCode);
                page.locator("#sheet .close").click();

                page.locator("#letter-subject").selectOption("budgets");
                String letterHref = page.locator("#open-letter").getAttribute("href");
                assertTrue(letterHref.contains("subject=budgets"), letterHref);

                page.locator("#open-dossier").click();
                page.waitForSelector("body[data-ready]");
                assertTrue(page.url().contains("/dossier.html?city=" + code), page.url());
                String dossier = page.locator("#dossier").textContent();
                assertTrue(dossier.contains("Vigieville") && dossier.contains("3 caméra(s)"), dossier);
                assertTrue(dossier.contains("2019-<i>12</i>"), "user text shown as text: " + dossier);
                assertEquals(0, page.locator("#dossier i").count());
                assertTrue(dossier.contains("Préfet de l'Isère") && dossier.contains("expirée"), dossier);
                assertTrue(dossier.contains("agents de visionnage") || dossier.contains("maintenance"), dossier);
                assertTrue(dossier.contains("sans réponse depuis plus d’un mois"), dossier);
                assertTrue(dossier.contains("volunteer"), "the sources are named: " + dossier);
                assertEquals(3, page.locator("svg.dossier-map circle.dossier-camera").count());
                assertTrue((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"),
                        "no sideways scrolling at " + size);
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/dossier-" + size + ".png")));
                page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
                assertTrue(page.locator("#print").isHidden(), "the buttons are not printed");
                page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

                page.navigate(base + letterHref.substring(1));
                page.waitForSelector("body[data-ready]");
                String letter = page.locator("#letter").textContent();
                assertTrue(letter.contains("Mairie de Vigieville") && letter.contains("L311-1") && letter.contains("exercices"), letter);
                assertEquals("fr", page.evaluate("() => document.documentElement.lang"));
                page.locator(".sender [contenteditable]").fill("Camille Martin\n1 rue de la Paix");
                page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
                assertTrue(page.locator("#print").isHidden() && page.locator("#subject").isHidden(), "only the letter is printed");
                assertTrue(page.locator(".sender").textContent().contains("Camille Martin"));
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/letter-" + size + ".png")));
                assertEquals(List.of(), s.errors());
            }
        }

        // The article's frame, 300 px wide: the city's outline, its figures and the credits; nothing to edit;
        // the zoom buttons free.
        try (Browser.Session s = Browser.open(Browser.options())) {
            Page page = s.page();
            page.setViewportSize(300, 400);
            page.navigate(embedded);
            page.waitForSelector(".embed-headline:not([hidden])");
            page.waitForSelector("path.city-outline");
            String box = page.locator("#embed-tools").textContent();
            assertTrue(box.contains("Vigieville") && box.contains("3 caméra(s)") && box.contains("OpenStreetMap"), box);
            assertTrue(!page.locator("#add").isVisible() && !page.locator("#city-search").isVisible());
            assertEquals(0, page.locator("textarea:visible").count());
            assertEquals(true, page.evaluate("() => { const z = document.querySelector('.leaflet-control-zoom-in').getBoundingClientRect();"
                    + " return document.elementFromPoint(z.left + z.width / 2, z.top + z.height / 2).closest('.leaflet-control-zoom') !== null; }"),
                    "the headline leaves the zoom buttons free");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/embed-300x400.png")));
            assertEquals(List.of(), s.errors());
        }
    }

    @Test
    void aModeratorRecordsAnAuthorisationABudgetLineAndARequestOnAPhone() {
        Api.init();
        String code = (String) org.vigie.watch.WatchTestCities.city(sql, "Collectifville")[0];
        try (Browser.Session s = Browser.open(Browser.options().phone()).logIn(Accounts.moderator())) {
            Page page = s.page();
            page.navigate(base + "dossier.html?city=" + code);
            page.waitForSelector("body[data-ready]");

            // a refused entry keeps what was typed, with the reason by the field
            page.locator("#authorisations summary").click();
            page.locator("#record-authorisation-reference").fill("2026-PP-<b>7</b>");
            page.locator("#record-authorisation-decidedOn").fill(TODAY.minusMonths(2).toString());
            page.locator("#record-authorisation-authority").fill("Préfecture de police");
            page.locator("#record-authorisation-camerasAuthorised").fill("25");
            page.locator("#record-authorisation-actUrl").fill("ftp://example.org/acte");
            page.locator("#record-authorisation button[type=submit]").click();
            page.waitForSelector("#record-authorisation-actUrl-error:not([hidden])");
            assertTrue(page.locator("#record-authorisation-actUrl-error").textContent().contains("http"));
            assertEquals("2026-PP-<b>7</b>", page.locator("#record-authorisation-reference").inputValue());
            page.locator("#record-authorisation-actUrl").fill("https://example.org/acte.pdf");
            page.locator("#record-authorisation button[type=submit]").click();
            page.waitForSelector("body[data-version='1']");
            assertTrue(page.locator("#authorisations table").textContent().contains("2026-PP-<b>7</b>"));
            assertTrue(page.locator("#authorisations").textContent().contains("25 caméra(s) autorisée(s)"));

            page.locator("#budget summary").click();
            page.locator("#record-budget-year").fill("2025");
            page.locator("#record-budget-amount").fill("1500,50");
            page.locator("#record-budget-purpose").selectOption("monitoring_staff");
            page.locator("#record-budget button[type=submit]").click();
            page.waitForSelector("body[data-version='2']");
            assertTrue(page.locator("#budget").textContent().contains("agents de visionnage"), page.locator("#budget").textContent());

            page.locator("#requests summary").first().click();
            page.locator("#record-request-subject").selectOption("cnil_records");
            page.locator("#record-request-sentOn").fill(TODAY.minusDays(10).toString());
            page.locator("#record-request button[type=submit]").click();
            page.waitForSelector("body[data-version='3']");
            assertTrue(page.locator("#requests table").textContent().contains("registres CNIL"));
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/dossier-moderator-360x640.png")));

            page.locator("#requests details.recorder summary").last().click();
            page.locator("form[id^=record-answer-] select[name=outcome]").selectOption("refused");
            page.locator("form[id^=record-answer-] input[name=answeredOn]").fill(TODAY.toString());
            page.locator("form[id^=record-answer-] button[type=submit]").click();
            page.waitForSelector("body[data-version='4']");
            assertTrue(page.locator("#requests table").textContent().contains("refus"));

            assertEquals(1, sql.count("SELECT count(*) FROM city_authorisation WHERE city_code = ? AND cameras_authorised = 25", code));
            assertEquals(1, sql.count("SELECT count(*) FROM city_budget_line WHERE city_code = ? AND amount_cents = 150050", code));
            assertEquals(1, sql.count("SELECT count(*) FROM city_records_request WHERE city_code = ? AND outcome = 'refused'", code));
            assertEquals(0, page.locator("#dossier b").count());
            assertEquals(List.of(), s.errors().stream().filter(e -> !e.contains("400")).toList());
        }
    }

    /** Issue 17: a moderator corrects a budget line and deletes entries; Delete asks first; a named authorisation stays. */
    @Test
    void aModeratorCorrectsAndDeletesRegisterEntriesOnAPhone() {
        Api.init();
        Object[] city = org.vigie.watch.WatchTestCities.city(sql, "Corrigeville");
        String code = (String) city[0];
        String base = "/api/cities/" + code;
        long named = Accounts.moderator().request().body(Map.of("reference", "2024-NOMMÉE", "decidedOn", TODAY.minusYears(1).toString(),
                "authority", "Préfet")).post(base + "/authorisations").then().statusCode(201).extract().jsonPath().getLong("id");
        Accounts.moderator().request().body(Map.of("reference", "2024-DOUBLON", "decidedOn", TODAY.minusYears(1).toString(),
                "authority", "Préfet")).post(base + "/authorisations").then().statusCode(201);
        Api.create((Double) city[1], (Double) city[2], Map.of("operatorType", "public", "authorisation", named));
        Accounts.moderator().request().body("{\"year\": 2025, \"amount\": 999, \"purpose\": \"purchase\", \"label\": \"Caméras\"}")
                .post(base + "/budget").then().statusCode(201);
        Accounts.moderator().request().body(Map.of("subject", "budgets", "sentOn", TODAY.minusDays(3).toString()))
                .post(base + "/requests").then().statusCode(201);

        try (Browser.Session s = Browser.open(Browser.options().phone()).logIn(Accounts.moderator())) {
            Page page = s.page();
            page.navigate(this.base + "dossier.html?city=" + code);
            page.waitForSelector("body[data-ready]");

            // Edit opens the entry's form filled in; the correction replaces the line
            page.locator("#budget .entry-edit").click();
            assertEquals("999", page.locator("#budget .editing input[name=amount]").inputValue());
            assertEquals("Caméras", page.locator("#budget .editing input[name=label]").inputValue());
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/dossier-edit-360x640.png")));
            page.locator("#budget .editing input[name=amount]").fill("1999,90");
            page.locator("#budget .editing button[type=submit]").click();
            page.waitForSelector("body[data-version='1']");
            String budget = page.locator("#budget table.lines").textContent();
            assertTrue(budget.contains("1\u202f999,90") && !budget.contains("999,00"), budget);
            assertTrue(budget.contains("Caméras"), budget);

            // Delete asks first: dismissed, nothing goes
            List<String> asked = new java.util.ArrayList<>();
            page.onceDialog(d -> { asked.add(d.message()); d.dismiss(); });
            page.locator("#requests .entry-delete").click();
            assertTrue(asked.get(0).contains("Supprimer cette entrée"), asked.toString());
            assertEquals(1, page.locator("#requests tbody tr").count());
            page.onceDialog(d -> d.accept());
            page.locator("#requests .entry-delete").click();
            page.waitForSelector("body[data-version='2']");
            assertTrue(page.locator("#requests").textContent().contains("Rien d’enregistré"));

            // an authorisation that a camera names stays, and the reason is shown by its buttons
            page.onceDialog(d -> d.accept());
            page.locator("#authorisations tbody tr", new Page.LocatorOptions().setHasText("2024-NOMMÉE")).locator(".entry-delete").click();
            page.waitForSelector("#authorisations .entry-status .error");
            assertTrue(page.locator("#authorisations .entry-status").first().textContent().contains("1 caméra(s) citent"),
                    page.locator("#authorisations .entry-status").first().textContent());
            page.onceDialog(d -> d.accept());
            page.locator("#authorisations tbody tr", new Page.LocatorOptions().setHasText("2024-DOUBLON")).locator(".entry-delete").click();
            page.waitForSelector("body[data-version='3']");
            String authorisations = page.locator("#authorisations table").textContent();
            assertTrue(authorisations.contains("2024-NOMMÉE") && !authorisations.contains("2024-DOUBLON"), authorisations);
            assertTrue((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling");
            assertTrue(page.locator("#authorisations .entry-edit").first().boundingBox().x + 44 <= 360, "Edit in reach without scrolling the table");
            page.locator("#budget").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/dossier-corrections-360x640.png")));

            assertEquals(1, sql.count("SELECT count(*) FROM city_budget_line WHERE city_code = ? AND amount_cents = 199990 AND version = 2", code));
            assertEquals(2, sql.count("SELECT count(*) FROM city_authorisation WHERE city_code = ?", code));
            assertEquals(3, sql.count("SELECT count(*) FROM city_register_change WHERE city_code = ? AND action <> 'created'", code));
            assertEquals(4, sql.count("SELECT count(*) FROM city_register_change WHERE city_code = ? AND action = 'created'", code));
            assertEquals(List.of(), s.errors().stream().filter(e -> !e.contains("409")).toList());
        }
    }

    @Test
    void readersWithoutARoleSeeNoForms() {
        Api.init();
        String code = (String) org.vigie.watch.WatchTestCities.city(sql, "Lecteurville")[0];
        try (Browser.Session s = Browser.open(Browser.options().phone()).logIn(Accounts.volunteer())) {
            Page page = s.page();
            page.navigate(base + "dossier.html?city=" + code);
            page.waitForSelector("body[data-ready]");
            assertEquals(0, page.locator("form").count());
            assertEquals(List.of(), s.errors());
        }
    }
}
