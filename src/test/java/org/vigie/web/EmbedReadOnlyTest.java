package org.vigie.web;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Browser;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded map (?embed=1) only reads: on a phone of 360x640, with a logged-in session and a
 * confirmation waiting on the device (as a reader of an article who maps cameras too would have),
 * the page holds no write control at all, the camera sheet has no action, and no write request
 * leaves; the same device on the full map sends the waiting confirmation, as it should.
 */
@QuarkusTest
class EmbedReadOnlyTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void theEmbeddedMapBuildsNoWriteControlAndSendsNothing() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("cameraType", "dome", "operator", "Ville de Test"));
        // a second version: the history of a logged-in reader of the full map offers to go back to the first
        Api.update(id, 1, spot[0], spot[1], Map.of("cameraType", "dome", "operator", "Ville de Test", "notes", "v2"));
        try (Browser.Session s = openWithWaitingConfirmation(id)) {
            Page page = s.page();
            List<String> writes = writesOf(page);
            page.navigate(base + "?embed=1#map=18/" + spot[1] + "/" + spot[0]);
            page.waitForSelector("body[data-ready]");
            page.locator("[data-camera-id='" + id + "']").click();
            page.waitForSelector("#sheet:not([hidden]) dd:has-text('Ville de Test')");

            for (String control : List.of("#add", "#sites", "#account", "#editor", "#account-panel", "#site-panel",
                    "#moderation-panel", "#account-page", "#pending", "#pending-panel", "#photo-input", "#sheet .report", "#sheet .confirm")) {
                assertEquals(0, page.locator(control).count(), control + " is in the embedded page");
            }
            assertEquals(0, page.locator("form, input[type=file], select").count(), "a form in the embedded page");
            // the sheet's buttons: close, and the history (a read)
            assertEquals(List.of("×", "Historique"), page.locator("#sheet button").allTextContents().stream().map(String::strip).toList());
            assertTrue(page.locator(".embed-credits").isVisible());
            page.locator("#sheet .history-toggle").click();
            page.waitForSelector("#sheet .history li");
            assertEquals(0, page.locator("#sheet .history button").count(), "a revert in the embedded map's history");

            // the moments the full map sends what waits: the network back, the page shown again
            page.evaluate("() => { window.dispatchEvent(new Event('online')); document.dispatchEvent(new Event('visibilitychange')); }");
            page.waitForTimeout(1500);
            assertEquals(List.of(), writes, "write requests from the embedded map");
            assertEquals(1, waiting(page), "the confirmation waiting on the device is left for the full map");
            assertEquals(List.of(), s.errors());
        }
    }

    /** The control: the same device on the full map sends the confirmation (so the test above can fail). */
    @Test
    void theFullMapSendsWhatWaits() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("cameraType", "dome"));
        try (Browser.Session s = openWithWaitingConfirmation(id)) {
            Page page = s.page();
            List<String> writes = writesOf(page);
            page.navigate(base + "#map=18/" + spot[1] + "/" + spot[0]);
            page.waitForSelector("body[data-ready]");
            page.waitForCondition(() -> waiting(page) == 0);
            assertTrue(writes.stream().anyMatch(w -> w.startsWith("POST ") && w.contains("/api/cameras/" + id + "/confirm")), writes.toString());
            assertTrue(page.locator("#add").isVisible());
        }
    }

    private static Browser.Session openWithWaitingConfirmation(long cameraId) {
        Browser.Session s = Browser.open(Browser.options().phone()).logIn(Accounts.fresh(Role.VOLUNTEER));
        s.context().addInitScript("if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1');"
                + " localStorage.setItem('vigie.pendingAdditions', JSON.stringify([{id: 'embed-test-" + cameraId + "',"
                + " type: 'confirm', cameraId: " + cameraId + ", at: new Date().toISOString()}])); }");
        return s;
    }

    /** Every request of the page other than a read, as "METHOD url". */
    private static List<String> writesOf(Page page) {
        List<String> writes = new CopyOnWriteArrayList<>();
        page.onRequest(r -> {
            if (!List.of("GET", "HEAD", "OPTIONS").contains(r.method())) {
                writes.add(r.method() + " " + r.url());
            }
        });
        return writes;
    }

    private static int waiting(Page page) {
        return ((Number) page.evaluate("() => JSON.parse(localStorage.getItem('vigie.pendingAdditions') || '[]').length")).intValue();
    }
}
