package org.vigie.web;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Browser;
import org.vigie.support.Sql;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A staff representative's journey (issue 16) in a real Chromium, on a phone and on a desktop:
 * creates the Hénin-Beaumont town hall with two floors, places cameras on the first floor from the
 * site's panel, lists them by floor, keeps those filming workstations, and opens the report to
 * print: 8 cameras, 3 filming workstations, 8 recording sound, the rules with their references, in
 * French (and in English on the desktop).
 */
@QuarkusTest
class WorkplaceJourneyTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void onAPhone() {
        walk(Browser.options().phone(), "360x640", false, true);
    }

    @Test
    void onADesktop() {
        walk(Browser.options().desktop(), "1280x800", true, false);
    }

    private void walk(Browser.Options options, String size, boolean alsoInEnglish, boolean phone) {
        double[] spot = Api.freshSpot();
        String name = "Hôtel de ville d'Hénin-Beaumont " + System.nanoTime();
        try (Browser.Session s = Browser.open(options)) {
            Page page = s.logIn(Accounts.volunteer()).page();
            page.navigate(base + "#map=19/" + spot[1] + "/" + spot[0]);
            page.waitForSelector("body[data-ready]");

            // the site and its two floors
            SiteWithTwoFloors.create(page, phone, name, "Commune d'Hénin-Beaumont", "Place Jean Jaurès",
                    () -> shot(page, "site-form-" + size));
            long site = sql.count("SELECT id FROM site WHERE name = ?", name);
            assertEquals("0", sql.text("SELECT string_agg(level, ',' ORDER BY position) FROM site_floor WHERE site_id = ?", site)
                    .substring(0, 1));
            assertEquals("0,1", sql.text("SELECT string_agg(level, ',' ORDER BY position) FROM site_floor WHERE site_id = ?", site));

            // two cameras placed on the first floor from the site's panel, with zoom and sound, staff not told
            page.locator("#site-floor").selectOption("1");
            for (int i = 0; i < 2; i++) {
                page.locator("#site-add-camera").click();
                page.waitForSelector("#cam-site");
                assertEquals(String.valueOf(site), page.locator("#cam-site").inputValue(), "the site is chosen");
                assertEquals("1", page.locator("#cam-level").inputValue(), "the floor is the one listed");
                page.locator("label[for=cam-cap-zoom]").click();
                page.locator("label[for=cam-cap-audio]").click();
                page.locator("#cam-filmsWorkstations").selectOption(i == 0 ? "yes" : "no");
                page.locator("#cam-staffInformed").selectOption("no");
                page.locator("#cam-staffBodyConsulted").selectOption("no");
                page.locator("#cam-viewers").fill("le cabinet du maire");
                page.locator("#cam-retentionDays").fill("45");
                if (i == 0) {
                    shot(page, "site-camera-form-" + size);
                }
                if (i == 1) {
                    // the second camera stands where the first does: the form warns, and saving confirms it is another
                    page.waitForSelector("#editor .warning:not([hidden])");
                }
                page.locator("button[type=submit][form=camera-form]").click();
                page.waitForFunction("() => document.querySelector('#editor').hidden"
                        + " || (document.querySelector('#editor .status').textContent !== ''"
                        + "     && !document.querySelector('button[form=camera-form]').hasAttribute('aria-busy'))");
                assertTrue((Boolean) page.evaluate("() => document.querySelector('#editor').hidden"),
                        () -> "saved: " + page.locator("#editor .status").textContent() + " " + page.locator("#editor .form-errors").textContent());
                int expected = i + 1;
                page.waitForFunction("n => document.querySelectorAll('#site-panel .site-cameras li').length === n", expected);
            }
            assertEquals(2, sql.count("SELECT count(*) FROM camera WHERE site_id = ? AND level = '1' AND zone = 'workplace'"
                    + " AND filmed_area = 'indoor' AND capabilities @> '{zoom,audio}' AND staff_informed = 'no'"
                    + " AND staff_body_consulted = 'no' AND viewers = 'le cabinet du maire' AND retention_days = 45", site));
            // the six others of the town hall, mapped earlier by colleagues
            for (int i = 0; i < 6; i++) {
                Api.create(spot[0] + 0.00003 * i, spot[1], Map.of("site", site, "level", i < 4 ? "0" : "1",
                        "zone", "workplace", "filmedArea", "indoor", "capabilities", List.of("zoom", "audio"),
                        "filmsWorkstations", i < 2 ? "yes" : "no", "staffInformed", "no"));
            }

            // listed by floor, then only those filming workstations
            page.locator("#site-floor").selectOption("");
            page.locator("#site-floor").selectOption("0");
            page.waitForFunction("() => document.querySelectorAll('#site-panel .site-cameras li').length === 4");
            page.locator("#site-floor").selectOption("");
            page.waitForFunction("() => document.querySelectorAll('#site-panel .site-cameras li').length === 8");
            page.locator("label[for=site-only-workstations]").click();
            page.waitForFunction("() => document.querySelectorAll('#site-panel .site-cameras li').length === 3");
            assertTrue(page.locator("#site-shown").textContent().contains("3 caméra(s) affichée(s) sur 8"),
                    page.locator("#site-shown").textContent());
            shot(page, "site-panel-" + size);

            // the report, printable, in French
            page.locator("#site-report-open").click();
            page.waitForSelector("#site-report .report-total");
            String report = page.locator("#site-report").textContent();
            for (String expected : List.of("8 caméra(s) sur le site", "3 caméra(s) : filme des postes de travail",
                    "8 caméra(s) : enregistre le son", "8 caméra(s) : personnel non informé individuellement",
                    "Code du travail L1222-4", "2 caméra(s) : CSE (ex-CHSCT) non consulté avant l’installation",
                    "Code du travail L2312-38", "2 caméra(s) : images gardées plus d’un mois", "Rez-de-chaussée", "1er étage",
                    "Commune d'Hénin-Beaumont")) {
                assertTrue(report.contains(expected), expected + " in: " + report);
            }
            assertEquals(8, page.locator("#site-report tbody tr").count());
            shot(page, "site-report-" + size);
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
            assertEquals("none", page.evaluate("() => getComputedStyle(document.getElementById('map')).display"));
            assertEquals("none", page.evaluate("() => getComputedStyle(document.querySelector('.toolbar')).display"));
            assertEquals(false, page.evaluate("() => document.querySelector('#report-print').checkVisibility()"));
            assertEquals(true, page.evaluate("() => document.querySelector('#site-report .report-total').checkVisibility()"));
            shot(page, "site-report-print-" + size);
            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.SCREEN));

            if (alsoInEnglish) {
                page.locator("#site-report button.secondary").click();
                page.locator("#lang").click();
                page.locator("#site-report-open").click();
                page.waitForFunction("() => (document.querySelector('#site-report .report-total') || {}).textContent"
                        + " === '8 camera(s) on the site'");
                String english = page.locator("#site-report").textContent();
                assertTrue(english.contains("8 camera(s): records sound"), english);
                assertTrue(english.contains("3 camera(s): films workstations"), english);
            }
            assertEquals(List.of(), s.errors());
        }
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png")));
    }
}
