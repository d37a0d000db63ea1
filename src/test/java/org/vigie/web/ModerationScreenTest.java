package org.vigie.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.support.Accounts;
import org.vigie.support.Accounts.TestAccount;
import org.vigie.support.Api;
import org.vigie.support.Browser;
import org.vigie.support.Sql;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A moderator works through a queue of three reports on a phone, from the web app alone: settles
 * one, hides one with a reason, merges one into the camera 20 m away; the log shows the three.
 */
@QuarkusTest
class ModerationScreenTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    private static long report(long cameraId, String reason, String comment) {
        TestAccount reporter = Accounts.established(Role.VOLUNTEER);
        return reporter.request().body(Map.of("reason", reason, "comment", comment))
                .post("/api/cameras/{id}/reports", cameraId).then().statusCode(201).extract().jsonPath().getLong("reportId");
    }

    @Test
    void aModeratorSettlesHidesAndMergesFromThePhoneAndTheLogShowsIt() {
        double[] spot = Api.freshSpot();
        long settled = Api.create(spot[0], spot[1], Map.of("operator", "Mairie"));
        long invented = Api.create(spot[0] + 0.01, spot[1], Map.of("operator", "Personne"));
        long duplicate = Api.create(spot[0] + 0.02, spot[1], Map.of("operator", "Banque"));
        // 20 m east of the duplicate: the camera it repeats
        long original = Api.create(spot[0] + 0.02 + 20 / (111_320 * Math.cos(Math.toRadians(spot[1]))), spot[1],
                Map.of("operator", "Banque du coin"));
        long first = report(settled, "wrong_details", "le type est faux");
        long second = report(invented, "fake", "rien sur ce mur");
        long third = report(duplicate, "wrong_position", "c’est la même que la voisine");
        TestAccount moderator = Accounts.established(Role.MODERATOR);

        try (Browser.Session s = Browser.open(Browser.options().phone()).logIn(moderator)) {
            Page page = s.page();
            page.navigate(base + "#map=17/" + spot[1] + "/" + spot[0]);
            page.waitForSelector("body[data-ready]");
            page.locator("#account").click();
            page.locator("#open-moderation").click();
            page.waitForSelector("#moderation-panel:not([hidden]) ol.queue");

            // 1. settle: the camera is verified after all
            Locator item = work(page, first);
            assertTrue(item.textContent().contains("le type est faux"), item.textContent());
            assertTrue(item.textContent().contains("Mairie"), "the camera's sheet is shown: " + item.textContent());
            page.waitForSelector("#moderation-panel li.current .mini-map .leaflet-tile-pane, #moderation-panel li.current .mini-map.leaflet-container");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "moderation-360x640.png")));
            item.locator("select.settle-status").selectOption("verified");
            item.locator(".settle button").click();
            page.waitForSelector("#messages :text('Décision enregistrée')");

            // 2. hide, with a reason
            item = work(page, second);
            item.locator("input.hide-reason").fill("caméra inventée");
            item.locator(".hide button").click();
            page.waitForSelector("#messages :text('Caméra masquée')");

            // 3. merge into the camera 20 m away, the only one offered
            item = work(page, third);
            page.waitForSelector("#moderation-panel li.current .merge:not([hidden])");
            assertEquals(1, item.locator("select.merge-into option").count());
            assertEquals(String.valueOf(original), item.locator("select.merge-into").inputValue());
            item.locator(".merge button").click();
            page.waitForSelector("#messages :text('Doublon fusionné')");
            page.waitForFunction("ids => ids.every(id => !document.querySelector(`#moderation-panel [data-report-id='${id}']`))",
                    List.of(String.valueOf(first), String.valueOf(second), String.valueOf(third)));

            page.locator("#moderation-tab-log").click();
            page.waitForSelector("#moderation-panel ol.log");
            String log = page.locator("#moderation-panel ol.log").textContent();
            assertTrue(log.contains("a tranché Caméra n° " + settled), log);
            assertTrue(log.contains("a masqué Caméra n° " + invented) && log.contains("caméra inventée"), log);
            assertTrue(log.contains("a fusionné Caméra n° " + duplicate), log);
            assertTrue(log.contains("a clos les signalements de Caméra n° " + invented), log);
            // each decision's detail in French, not as the server wrote it
            assertTrue(log.contains("(fusionnée avec la caméra n° " + original + ")"), log);
            assertTrue(log.contains("(1 signalement(s) clos sur une caméra que le public ne voit plus)"), log);
            assertTrue(log.contains("(état : "), log);
            assertFalse(log.contains("merged into") || log.contains("report(s) closed") || log.contains("(status "), log);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "moderation-log-360x640.png")));
            s.errors().removeIf(e -> e.contains("basemap") || e.contains("tile"));
            assertEquals(List.of(), s.errors());
        }
        assertEquals("verified", sql.text("SELECT status FROM camera WHERE id = ?", settled));
        assertEquals(0, sql.count("SELECT count(*) FROM camera WHERE id = ? AND visible", invented));
        assertEquals(original, sql.count("SELECT merged_into FROM camera WHERE id = ?", duplicate));
        assertEquals(0, sql.count("SELECT count(*) FROM camera_report WHERE id IN (?, ?, ?) AND resolved_at IS NULL", first, second, third));
        // settle, hide, the closing of the hidden camera's report, merge
        assertEquals(4, sql.count("SELECT count(*) FROM moderation_log WHERE moderator_id = ?", moderator.id()));
        assertEquals("closed", sql.text("SELECT resolution FROM camera_report WHERE id = ?", second));
    }

    /** Picks the report in the queue (other tests' reports may come before it) and answers its item. */
    private static Locator work(Page page, long reportId) {
        String current = "#moderation-panel li.current[data-report-id='" + reportId + "']";
        page.waitForSelector("#moderation-panel li[data-report-id='" + reportId + "']");
        if (page.locator(current).count() == 0) {
            page.locator("#moderation-panel li[data-report-id='" + reportId + "'] button").click();
        }
        page.waitForSelector(current + " .camera-summary .settle, " + current + " .close-report");
        return page.locator(current);
    }
}
