package org.vigie.osm.upload;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Browser;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journeys on a phone (360x640): a volunteer creates an account and agrees to publish in
 * OpenStreetMap; a moderator reviews what is ready and sends it, then sees the upload listed.
 */
@QuarkusTest
@TestProfile(OsmUploadTest.WithOsmApi.class)
class OsmReviewFlowTest extends WithFakeOsmApi {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aVolunteerAgreesAtRegistration() {
        String name = "osmflow-" + Long.toString(System.nanoTime(), 36);
        double[] spot = Api.freshSpot();
        try (Browser.Session s = Browser.open(Browser.options().phone())) {
            Page page = s.page();
            page.navigate(base + "#map=17/" + spot[1] + "/" + spot[0]);
            page.waitForSelector("body[data-ready]");
            page.locator("#account").click();
            page.locator("#account-form button.secondary").click();
            assertTrue(!page.locator("#osm-consent").isChecked(), "unchecked unless chosen");
            page.locator("#account-form input[name=username]").fill(name);
            page.locator("#account-form input[name=password]").fill(Accounts.PASSWORD);
            page.locator("label.check").click();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/osm-consent-register-360.png")));
            page.locator("#account-form button[type=submit]").click();
            page.waitForFunction("name => document.querySelector('#account').textContent === name", name);
            assertEquals(1, sql.count("SELECT count(*) FROM account WHERE username = ? AND osm_consent", name));

            page.locator("#account").click();
            page.waitForFunction("() => { const b = document.querySelector('#osm-consent'); return b && !b.disabled && b.checked; }");
            page.locator("label.check").click();
            page.waitForFunction("() => document.querySelector('.osm-account [role=status]').textContent.includes('restent')");
            assertEquals(0, sql.count("SELECT count(*) FROM account WHERE username = ? AND osm_consent", name));
            assertEquals(List.of(), s.errors());
        }
    }

    @Test
    void aModeratorReviewsAndSendsWhatVolunteersMapped() {
        Accounts.TestAccount volunteer = Accounts.established(Role.VOLUNTEER);
        volunteer.request().body(Map.of("osmConsent", true)).put("/api/auth/me").then().statusCode(200);
        double[] spot = Api.freshSpot();
        volunteer.request().queryParam("confirmDuplicate", "true").body(Api.feature(spot[0], spot[1], Map.of("kind", "camera",
                "cameraType", "dome", "directions", List.of(180), "operator", "Ville"))).post("/api/cameras").then().statusCode(201);
        Accounts.TestAccount moderator = Accounts.established(Role.MODERATOR);
        for (boolean phone : new boolean[] {true, false}) {
            Browser.Options options = phone ? Browser.options().phone() : Browser.options();
            try (Browser.Session s = Browser.open(options).logIn(moderator)) {
                Page page = s.page();
                if (!phone) {
                    page.setViewportSize(1280, 800);
                }
                page.navigate(base + "#map=17/" + spot[1] + "/" + spot[0]);
                page.waitForSelector("body[data-ready]");
                page.locator("#account").click();
                page.locator("#osm-review").click();
                page.waitForSelector("#osm-ready li, #osm-sent li");
                String size = phone ? "360" : "1280";
                if (phone) {
                    assertEquals(1, page.locator("#osm-ready li").count());
                    assertTrue(page.locator("#osm-ready").textContent().contains("camera:direction=180"));
                    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/osm-review-" + size + ".png")));
                    page.locator("#osm-upload button[type=submit]").click();
                    page.waitForFunction("() => document.querySelector('#account-panel .status').textContent.includes('commentaire')");
                    page.locator("#osm-upload input[name=comment]").fill("Caméras relevées par les bénévoles");
                    page.locator("#osm-upload button[type=submit]").click();
                    page.waitForSelector("#osm-sent li");
                    assertTrue(page.locator("#account-panel .status").textContent().contains("1 envoyée(s), 0 à revoir"),
                            page.locator("#account-panel .status").textContent());
                    assertEquals(0, page.locator("#osm-ready").count(), "nothing left to send");
                    assertEquals(3, api.calls.size(), "changeset opened, uploaded, closed");
                }
                assertTrue(page.locator("#osm-sent").textContent().contains("Caméras relevées par les bénévoles"));
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/osm-sent-" + size + ".png")));
                page.locator("#osm-back").click();
                page.waitForSelector("#osm-review");
                assertEquals(List.of(), s.errors());
            }
        }
    }

    @Test
    void aModeratorChecksACameraHeldForReviewAndSendsItAgain() {
        Accounts.TestAccount volunteer = Accounts.established(Role.VOLUNTEER);
        volunteer.request().body(Map.of("osmConsent", true)).put("/api/auth/me").then().statusCode(200);
        double[] spot = Api.freshSpot();
        long camera = volunteer.request().queryParam("confirmDuplicate", "true").body(Api.feature(spot[0], spot[1],
                Map.of("kind", "camera", "cameraType", "fixed"))).post("/api/cameras").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Accounts.TestAccount moderator = Accounts.established(Role.MODERATOR);
        api.failUploads = true;
        moderator.request().body(Map.of("comment", "Relevés")).post("/api/osm/uploads").then().statusCode(502);
        api.failUploads = false;
        try (Browser.Session s = Browser.open(Browser.options().phone()).logIn(moderator)) {
            Page page = s.page();
            page.navigate(base + "#map=17/" + spot[1] + "/" + spot[0]);
            page.waitForSelector("body[data-ready]");
            page.locator("#account").click();
            page.locator("#osm-review").click();
            page.waitForSelector("#osm-holds li");
            assertEquals(0, page.locator("#osm-ready li").count(), "held, not ready");
            String held = page.locator("#osm-holds").textContent();
            assertTrue(held.contains("caméra " + camera) && held.contains("groupe " + FakeOsmApi.CHANGESET) && held.contains("500"), held);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/osm-held-360.png")));
            page.locator("#osm-holds button").click();
            page.waitForSelector("#osm-ready li");
            assertEquals(0, page.locator("#osm-holds").count());
            assertTrue(page.locator("#account-panel .status").textContent().contains("Caméra " + camera + " prête à être renvoyée"),
                    page.locator("#account-panel .status").textContent());
            assertEquals(List.of(), s.errors());
        }
    }

    /** The moderation screen has the same review as a tab, beside the reports and the log. */
    @Test
    void theModerationScreenListsWhatIsReadyAndSendsIt() {
        Accounts.TestAccount volunteer = Accounts.established(Role.VOLUNTEER);
        volunteer.request().body(Map.of("osmConsent", true)).put("/api/auth/me").then().statusCode(200);
        double[] spot = Api.freshSpot();
        long camera = volunteer.request().queryParam("confirmDuplicate", "true").body(Api.feature(spot[0], spot[1],
                Map.of("kind", "camera", "cameraType", "dome"))).post("/api/cameras").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Accounts.TestAccount moderator = Accounts.established(Role.MODERATOR);
        try (Browser.Session s = Browser.open(Browser.options().phone()).logIn(moderator)) {
            Page page = s.page();
            page.navigate(base + "#map=17/" + spot[1] + "/" + spot[0]);
            page.waitForSelector("body[data-ready]");
            page.locator("#account").click();
            page.locator("#open-moderation").click();
            page.locator("#moderation-tab-osm").click();
            page.waitForSelector("#moderation-panel #osm-ready li");
            assertTrue(page.locator("#moderation-panel #osm-ready").textContent().contains("caméra " + camera));
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/moderation-osm-360.png")));
            page.locator("#moderation-panel #osm-upload input[name=comment]").fill("Relevés des bénévoles");
            page.locator("#moderation-panel #osm-upload button[type=submit]").click();
            page.waitForSelector("#moderation-panel #osm-sent li");
            assertTrue(page.locator("#moderation-panel .osm-status").textContent().contains("1 envoyée(s), 0 à revoir"),
                    page.locator("#moderation-panel .osm-status").textContent());
            assertEquals("osm", sql.text("SELECT source FROM camera WHERE id = ?", camera));
            page.locator("#moderation-tab-queue").click();
            page.waitForSelector("#moderation-panel .moderation-body > *");
            assertEquals(List.of(), s.errors());
        }
    }
}
