package org.vigie.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.support.Accounts;
import org.vigie.support.Accounts.TestAccount;
import org.vigie.support.Api;
import org.vigie.support.Browser;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Journey "a journalist", step 5, and the history in the sheet: a camera's link opens the map on its
 * sheet (a cold load too) and the sheet shares it; the history shows each field's old and new value,
 * dated to the day, its author linking to their page; a volunteer takes the camera back to version 1.
 */
@QuarkusTest
class CameraLinkAndHistoryTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void aCameraLinkOpensItsSheetAndTheSheetSharesIt() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("operator", "Mairie de Lien"));

        try (Browser.Session s = Browser.open(Browser.options().phone())) {
            Page page = s.page();
            // The phone's share menu, recorded.
            s.context().addInitScript("navigator.share = (data) => { window.sharedData = data; return Promise.resolve(); }");
            page.navigate(base + "#camera=" + id);
            page.waitForSelector("body[data-ready]");
            page.waitForSelector("#sheet:not([hidden]) #sheet-title:text('Caméra n° " + id + "')");
            page.waitForSelector("#sheet .fields:has-text('Mairie de Lien')");
            // The link stays in the address, with the view the map opened on.
            page.waitForFunction("id => location.hash.includes('camera=' + id) && location.hash.includes('map=')", String.valueOf(id));
            page.locator("#sheet button.share").click();
            page.waitForFunction("() => window.sharedData");
            String shared = (String) page.evaluate("() => window.sharedData.url");
            assertTrue(shared.startsWith(base.toString()) && shared.contains("camera=" + id), shared);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "camera-link-360x640.png")));

            // Closing the sheet takes the camera out of the address; the shared link opens it again.
            page.locator("#sheet button.close").click();
            page.waitForFunction("() => !location.hash.includes('camera=')");
            page.navigate("about:blank");
            page.navigate(shared);
            page.waitForSelector("#sheet:not([hidden]) #sheet-title:text('Caméra n° " + id + "')");
            s.errors().removeIf(e -> e.contains("basemap") || e.contains("tile"));
            assertEquals(List.of(), s.errors());
        }
    }

    @Test
    void withoutAShareMenuTheLinkIsCopied() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("operator", "Mairie"));
        try (Browser.Session s = Browser.open(Browser.options().desktop())) {
            s.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
            s.context().addInitScript("delete Navigator.prototype.share; delete navigator.share;");
            Page page = s.page();
            page.navigate(base + "#camera=" + id);
            page.waitForSelector("#sheet:not([hidden]) button.share");
            page.locator("#sheet button.share").click();
            page.waitForSelector("#messages :text('Lien copié')");
            String copied = (String) page.evaluate("() => navigator.clipboard.readText()");
            assertTrue(copied.contains("#") && copied.contains("camera=" + id), copied);
        }
    }

    @Test
    void theHistoryShowsOldAndNewValuesAndAVolunteerGoesBackToAVersion() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("operator", "Mairie", "signage", "present"));
        TestAccount editor = Accounts.established(Role.VOLUNTEER);
        editor.request().header("If-Match", "\"1\"")
                .body(Api.feature(spot[0], spot[1], Map.of("operator", "Banque Vandale", "signage", "absent")))
                .put("/api/cameras/" + id).then().statusCode(200);
        TestAccount volunteer = Accounts.established(Role.VOLUNTEER);

        try (Browser.Session s = Browser.open(Browser.options().phone()).logIn(volunteer)) {
            Page page = s.page();
            page.navigate(base + "#camera=" + id);
            page.waitForSelector("body[data-ready]");
            page.waitForSelector("#sheet:not([hidden]) .fields:has-text('Banque Vandale')");
            page.locator("#sheet button.history-toggle").click();
            Locator v2 = page.locator("#sheet .history li[data-version='2']");
            v2.waitFor();
            String text = v2.textContent();
            assertTrue(text.contains(editor.username()), text);
            assertEquals("Mairie", v2.locator("dt:text('Exploitant') + dd del").textContent());
            assertEquals("Banque Vandale", v2.locator("dt:text('Exploitant') + dd ins").textContent());
            assertEquals(2, v2.locator(".diff dt").count(), text);
            // Dated to the day: no time of day for the public.
            assertFalse(text.matches("(?s).*\\d{1,2}:\\d{2}.*"), text);
            assertEquals(editor.username(), v2.locator("a.author").textContent());
            assertTrue(v2.locator("a.author").getAttribute("href").contains("account=" + editor.username()));
            v2.scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "history-360x640.png")));

            // Back to version 1: a second tap confirms.
            Locator v1 = page.locator("#sheet .history li[data-version='1']");
            v1.locator("button.revert-to").click();
            v1.locator("button.revert-confirm").click();
            page.waitForSelector("#messages :text('contenu de la version 1')");
            page.waitForSelector("#sheet .fields:has-text('Mairie')");
            page.waitForSelector("#sheet .history li[data-version='3']");
            assertTrue(page.locator("#sheet .history li[data-version='3']").textContent().contains(volunteer.username()));
            s.errors().removeIf(e -> e.contains("basemap") || e.contains("tile"));
            assertEquals(List.of(), s.errors());
        }
        given().get("/api/cameras/{id}", id).then().statusCode(200)
                .body("properties.operator", org.hamcrest.Matchers.equalTo("Mairie"))
                .body("properties.signage", org.hamcrest.Matchers.equalTo("present"))
                .body("properties.version", org.hamcrest.Matchers.equalTo(3));
        given().get("/api/cameras/{id}/history", id).then().body("[2].action", org.hamcrest.Matchers.equalTo("revert"))
                .body("[2].author", org.hamcrest.Matchers.equalTo(volunteer.username()));
    }
}
