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
import org.vigie.support.Vandalism;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Journey "a collective running the instance", step 3, on a phone: a vandal and its puppet vandalise
 * two cameras; the moderator follows a camera link, reaches both accounts' pages from the camera's
 * history, suspends both, previews the joint revert and runs it. Both cameras are back to their
 * earlier content, and the vandal's next write is refused and kept on its device with the reason.
 */
@QuarkusTest
class VandalAndPuppetTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void theModeratorSuspendsBothAndRevertsThemTogetherFromThePhone() {
        double[] spot = Api.freshSpot();
        Vandalism vandalism = Vandalism.crosswise(spot, new double[] {spot[0] + 0.0005, spot[1]});
        long first = vandalism.first();
        long second = vandalism.second();
        TestAccount vandal = vandalism.vandal();
        TestAccount puppet = vandalism.puppet();
        TestAccount moderator = Accounts.established(Role.MODERATOR);

        try (Browser.Session s = Browser.open(Browser.options().phone()).logIn(moderator)) {
            Page page = s.page();
            // A camera's link, on a cold load: the map opens on it with its sheet.
            page.navigate(base + "#camera=" + first);
            page.waitForSelector("body[data-ready]");
            page.waitForSelector("#sheet:not([hidden]) #sheet-title:text('Caméra n° " + first + "')");

            // Its history names the puppet, last: its page.
            openHistory(page);
            page.locator("#sheet .history li[data-version='3'] a.author").click();
            page.waitForSelector("#account-page:not([hidden]) .contributions li");
            assertTrue(page.locator("#account-page h2").textContent().contains(puppet.username()));
            suspend(page, "marionnette de vandale");

            // From one of its contributions back to the camera, and to the vandal's page.
            page.locator("#account-page .contributions li[data-camera-id='" + first + "'] a").click();
            page.waitForSelector("#sheet:not([hidden]) #sheet-title:text('Caméra n° " + first + "')");
            openHistory(page);
            page.locator("#sheet .history li[data-version='2'] a.author").click();
            page.waitForSelector("#account-page:not([hidden]) .contributions li");
            assertTrue(page.locator("#account-page h2").textContent().contains(vandal.username()));
            assertEquals(2, page.locator("#account-page .contributions li").count());
            suspend(page, "vandalisme en série");

            // The joint revert, previewed first: both cameras, back to version 1; nothing written yet.
            page.locator("#account-page input.revert-others").fill(puppet.username());
            page.locator("#account-page .revert-preview-button").click();
            page.waitForSelector("#account-page .revert-report[data-dry-run='true']");
            Locator preview = page.locator("#account-page .revert-report");
            assertEquals(2, preview.locator(".changes li").count(), preview.textContent());
            assertTrue(preview.textContent().contains("version 3 → retour à la version 1"), preview.textContent());
            assertEquals("Marionnette 1", operator(first));
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "revert-preview-360x640.png")));
            page.locator("#account-page .revert-run").click();
            page.waitForSelector("#account-page .revert-report[data-dry-run='false']");
            page.waitForSelector("#messages :text('Modifications annulées : 2 caméra(s) rétablies')");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "account-page-360x640.png")));
            s.errors().removeIf(e -> e.contains("basemap") || e.contains("tile"));
            assertEquals(List.of(), s.errors());
        }
        assertEquals("Mairie", operator(first));
        assertEquals("Banque", operator(second));
        assertEquals(2, sql.count("SELECT count(*) FROM account WHERE id IN (?, ?) AND suspended_at IS NOT NULL", vandal.id(), puppet.id()));

        // The vandal's phone, still holding its old session: its next write is refused, and kept with the reason.
        try (Browser.Session s = Browser.open(Browser.options().phone()).logIn(vandal)) {
            Page page = s.page();
            page.navigate(base + "#camera=" + second);
            page.waitForSelector("body[data-ready]");
            page.waitForSelector("#sheet:not([hidden]) button.confirm");
            page.locator("#sheet button.confirm").click();
            page.waitForSelector("#messages :text('Votre compte est suspendu (vandalisme en série)')");
            Object kept = page.evaluate("() => JSON.parse(localStorage.getItem('vigie.pendingAdditions') || '[]')"
                    + ".map(i => i.type + ' ' + i.cameraId + ' ' + i.refused.type + ' ' + i.refused.detail)");
            assertEquals(1, ((List<?>) kept).size(), String.valueOf(kept));
            String item = String.valueOf(((List<?>) kept).get(0));
            assertTrue(item.startsWith("confirm " + second + " /problems/account-suspended") && item.contains("vandalisme en série"), item);
            assertEquals(null, page.evaluate("() => localStorage.getItem('vigie.session')"), "the dead session is forgotten");
            page.waitForSelector("#pending:not([hidden])");
        }
        assertEquals(0, sql.count("SELECT count(*) FROM camera_confirmation WHERE camera_id = ? AND account_id = ?", second, vandal.id()));
    }

    private static String operator(long id) {
        return given().get("/api/cameras/{id}", id).then().statusCode(200).extract().jsonPath().getString("properties.operator");
    }

    private static void openHistory(Page page) {
        page.locator("#sheet button.history-toggle").click();
        page.waitForSelector("#sheet .history li.version");
    }

    private static void suspend(Page page, String reason) {
        page.locator("#account-page input.suspend-reason").fill(reason);
        page.locator("#account-page form.suspend button[type=submit]").click();
        page.waitForSelector("#account-page .suspension button.lift");
        assertTrue(page.locator("#account-page .suspension").textContent().contains(reason));
    }
}
