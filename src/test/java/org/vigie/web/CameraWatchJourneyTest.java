package org.vigie.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
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
 * Issue 17 on the camera itself. A volunteer on a phone says since when the camera is there and what
 * its sign says, then names the city's authorisation that covers it; the sheet shows all three. A
 * journalist at a desk then reads the city's timeline by the cameras' true dates, with the undated
 * ones counted apart, and the dossier says on what basis and what the signs say.
 */
@QuarkusTest
class CameraWatchJourneyTest {

    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

    @TestHTTPResource("/")
    URL base;

    @Inject
    Sql sql;

    @Test
    void aVolunteerDatesTheCameraSaysWhatItsSignSaysAndNamesItsAuthorisationThenAJournalistReadsTheTimeline() {
        Api.init();
        Object[] city = org.vigie.watch.WatchTestCities.city(sql, "Datéeville");
        String code = (String) city[0];
        double lon = (Double) city[1];
        double lat = (Double) city[2];
        Accounts.moderator().request().body(Map.of("reference", "2022-PP-31", "decidedOn", "2022-03-01",
                "authority", "Préfecture", "camerasAuthorised", 8)).post("/api/cities/" + code + "/authorisations").then().statusCode(201);
        Api.create(lon + 0.003, lat, Map.of("operatorType", "public", "filmedArea", "public", "firstSeen", "2019-04-02"));
        long undated = Api.create(lon - 0.003, lat, Map.of("operatorType", "public", "filmedArea", "public"));
        sql.update("UPDATE camera SET first_seen = NULL WHERE id = ?", undated); // as an import no source dates

        long added;
        String cameraEmbed;
        try (Browser.Session s = Browser.open(Browser.options().phone()).logIn(Accounts.volunteer())) {
            Page page = s.page();
            page.navigate(base + "#map=18/" + lat + "/" + lon);
            page.waitForSelector("body[data-ready]");
            page.locator("#add").click();
            assertEquals(TODAY, page.locator("#cam-firstSeen").inputValue(), "seen today unless the volunteer says otherwise");
            assertTrue(page.locator("#cam-signNamesOperator").isHidden(), "what a sign says is asked once there is one");
            page.locator("#cam-operatorType").selectOption("public");
            page.locator("#cam-filmedArea").selectOption("public");
            page.locator("label[for=cam-signage-present]").click();
            page.locator("#cam-signNamesOperator").selectOption("no");
            page.locator("#cam-signGivesContact").selectOption("yes");
            page.locator("#cam-firstSeen").fill("2016-07-08");
            page.locator("#cam-firstSeen").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/form-sign-first-seen-360x640.png")));
            page.locator("button[type=submit][form=camera-form]").click();
            page.waitForSelector("#editor", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
            added = sql.count("SELECT id FROM camera WHERE city_code = ? AND first_seen = '2016-07-08' AND signage = 'present'"
                    + " AND sign_names_operator = 'no' AND sign_gives_contact = 'yes'", code);
            assertTrue(added > 0, "the camera is stored with its day and its sign's words");

            page.locator("[data-camera-id='" + added + "']").dispatchEvent("click");
            page.waitForSelector("#sheet:not([hidden])");
            page.waitForFunction("() => document.querySelector('#sheet .fields').textContent.includes('Vue pour la première fois le')");
            String sheet = page.locator("#sheet .fields").textContent();
            assertTrue(sheet.contains("8 juillet 2016"), sheet);
            assertTrue(sheet.contains("Le panneau nomme l’exploitantnon"), sheet);
            assertTrue(sheet.contains("Ajoutée à Vigie le"), sheet);

            // now that it stands in the city, the form offers the city's authorisations
            page.locator("#sheet .actions button", new Page.LocatorOptions().setHasText("Modifier")).click();
            page.waitForSelector("#cam-authorisation");
            page.locator("#cam-authorisation").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("2022-PP-31 (2022-03-01)"));
            assertEquals("2016-07-08", page.locator("#cam-firstSeen").inputValue());
            page.locator("button[type=submit][form=camera-form]").click();
            page.waitForSelector("#editor", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
            assertEquals(1, sql.count("SELECT count(*) FROM camera c JOIN city_authorisation a ON a.id = c.authorisation_id"
                    + " WHERE c.id = ? AND a.reference = '2022-PP-31' AND c.first_seen = '2016-07-08' AND c.sign_names_operator = 'no'", added));
            page.locator("[data-camera-id='" + added + "']").dispatchEvent("click");
            page.waitForFunction("() => document.querySelector('#sheet .fields').textContent.includes('2022-PP-31')");
            assertTrue(page.locator("#sheet .fields").textContent().contains("valable jusqu’au 1 mars 2027"),
                    page.locator("#sheet .fields").textContent());
            // the sign photographed: marked as the sign's in the sheet
            page.locator("#sign-photo-input").setInputFiles(new com.microsoft.playwright.options.FilePayload("panneau.jpg",
                    "image/jpeg", org.vigie.support.TestImages.phoneJpeg(80, 60, 1)));
            page.waitForSelector("#sheet .photo-of-sign img");
            assertEquals("Panneau", page.locator("#sheet .photo-of-sign .photo-caption").textContent());
            assertEquals(1, sql.count("SELECT count(*) FROM photo WHERE camera_id = ? AND of_sign", added));
            // the embed code for this camera, for an article: it opens its sheet
            page.locator("#sheet .embed-open").click();
            String code17 = page.locator("#sheet .embed-code").inputValue();
            assertTrue(code17.contains("?embed=1#map=18/") && code17.contains("camera=" + added), code17);
            cameraEmbed = code17.replaceAll("^<iframe src=\"([^\"]+)\".*$", "$1").replace("&amp;", "&");
            page.locator("#sheet .fields dt", new Page.LocatorOptions().setHasText("Autorisation")).scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/sheet-watch-facts-360x640.png")));
            assertEquals(List.of(), s.errors());
        }

        try (Browser.Session s = Browser.open(Browser.options())) {
            Page page = s.page();
            page.setViewportSize(1280, 800);
            page.navigate(base + "#map=15/" + lat + "/" + lon + "&city=" + code);
            page.waitForSelector("#city-panel .watch");
            String panel = page.locator("#city-panel").textContent();
            assertTrue(panel.contains("Caméras par année de première observation"), panel);
            assertTrue(panel.contains("1 caméra(s) sans date connue"), panel);
            page.locator("#city-panel figure", new Page.LocatorOptions().setHasText("première observation"))
                    .locator("details summary").click();
            String years = page.locator("#city-panel figure", new Page.LocatorOptions().setHasText("première observation"))
                    .locator("table").textContent();
            assertTrue(years.contains("20161") && years.contains("20170") && years.endsWith("20191"), years);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target/screenshots/city-timeline-1280x800.png")));

            page.locator("#open-dossier").click();
            page.waitForSelector("body[data-ready]");
            String timeline = page.locator("#timeline").textContent();
            assertTrue(timeline.contains("première fois") && timeline.contains("1 caméra(s) sans date connue ne sont pas comptées"), timeline);
            String authorisations = page.locator("#authorisations table").textContent();
            assertTrue(authorisations.contains("Caméras cartographiées qui la citent") && authorisations.contains("2022-PP-31"), authorisations);
            // after the column of each entry's buttons (its History, for every reader)
            assertEquals("1", page.locator("#authorisations tbody tr td").nth(5).textContent(), authorisations);
            String signs = page.locator("#signs").textContent();
            assertTrue(signs.contains("Sur les 1 panneau(x) présent(s) : 0 nomment l’exploitant (1 non, 0 non vérifié(s)), 1 disent qui contacter"), signs);
            page.locator("#timeline").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/dossier-timeline-1280x800.png")));
            assertEquals(List.of(), s.errors());
        }

        // the article's frame of that camera, 300 px wide: its sheet open, to read, nothing to edit
        try (Browser.Session s = Browser.open(Browser.options())) {
            Page page = s.page();
            page.setViewportSize(300, 500);
            page.navigate(cameraEmbed);
            page.waitForSelector("#sheet:not([hidden])");
            page.waitForFunction("() => document.querySelector('#sheet .fields').textContent.includes('2022-PP-31')");
            assertEquals("Caméra n° " + added, page.locator("#sheet h2").textContent());
            assertTrue(page.locator("#sheet .actions").first().isHidden() && !page.locator("#add").isVisible(), "nothing to edit");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/embed-camera-300x500.png")));
            assertEquals(List.of(), s.errors());
        }
    }
}
