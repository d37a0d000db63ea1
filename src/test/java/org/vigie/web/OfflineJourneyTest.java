package org.vigie.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Geolocation;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
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
 * A volunteer in the street on a phone whose signal comes and goes: the app opens again without
 * network with the last area's cameras; two additions next to existing cameras, a confirmation and
 * a report made offline all wait on the phone; back online the confirmation and the report go out
 * once each, and each addition the server suspects of being a duplicate asks its question: one is
 * "another camera" (stored), the other "the same one" (a confirmation of the camera it repeats).
 * Nothing is lost: the database is counted before and after.
 */
@QuarkusTest
class OfflineJourneyTest {

    private static final double METRE = 1 / 111_195.0;

    @TestHTTPResource("/")
    URL base;

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void offlineTheAppOpensWithTheLastAreaAndEveryWriteWaitsThenGoesOutOnceOrAsksItsQuestion() {
        double[] spot = Api.freshSpot();
        double lon = spot[0];
        double lat = spot[1];
        long twin = Api.create(lon, lat, Map.of("kind", "camera")); // a second camera will go on its pole
        long toConfirm = Api.create(lon + 0.0003, lat, Map.of("kind", "camera"));
        long toReport = Api.create(lon - 0.0003, lat, Map.of("kind", "camera"));
        long same = Api.create(lon, lat + 60 * METRE, Map.of("kind", "camera")); // mapped again by mistake
        String another = "Autre caméra " + System.nanoTime();
        String mistake = "La même " + System.nanoTime();
        long camerasBefore = sql.count("SELECT count(*) FROM camera");
        Accounts.TestAccount volunteer = Accounts.established(Role.VOLUNTEER);

        try (Browser.Session s = Browser.open(Browser.options().phone().serviceWorker().geolocation(lat + 2 * METRE, lon)).logIn(volunteer)) {
            Page page = s.page();
            // the writes the server accepted, counted in the page (through a service worker they are not the page's requests)
            s.context().addInitScript("(() => { const send = window.fetch; window.vigieSent = [];"
                    + " window.fetch = (url, init) => send(url, init).then((r) => {"
                    + " if (init && init.method && init.method !== 'GET' && r.ok) window.vigieSent.push(String(url)); return r; }); })()");
            String here = "#map=18/" + lat + "/" + lon;
            page.navigate(base + here);
            page.waitForSelector("body[data-ready]");
            page.waitForSelector("[data-camera-id='" + toReport + "']");
            // the service worker comes after the first view, then keeps what this visit showed
            page.waitForFunction("() => navigator.serviceWorker.controller !== null");
            page.waitForFunction("() => caches.open('vigie-data').then((c) => c.keys())"
                    + ".then((keys) => keys.some((k) => k.url.includes('/api/cameras?')))");

            s.context().setOffline(true);
            page.reload();
            page.waitForSelector("body[data-ready]");
            for (long id : List.of(twin, toConfirm, toReport, same)) {
                page.waitForSelector("[data-camera-id='" + id + "']");
            }
            shoot(page, "offline-reopened-360x640.png");

            // a second camera on the pole of the first, 2 m away: no network, it waits on the phone
            addHere(page, another);
            page.waitForFunction("() => document.querySelector('#pending').textContent.startsWith('1 ')");
            // and the one mapped again by mistake, 2 m from the other
            s.context().setGeolocation(new Geolocation(lat + 62 * METRE, lon));
            addHere(page, mistake);
            page.waitForFunction("() => document.querySelector('#pending').textContent.startsWith('2 ')");
            assertEquals(2, page.locator(".pending-icon").count(), "the waiting additions are drawn");

            page.evaluate("(hash) => { location.hash = hash; }", here);
            page.locator("[data-camera-id='" + toConfirm + "']").click();
            page.locator("#sheet button.confirm").click();
            page.waitForFunction("() => document.querySelector('#pending').textContent.startsWith('3 ')");
            page.locator("#sheet button.close").click();
            page.locator("[data-camera-id='" + toReport + "']").click();
            page.locator("#sheet select.report-reason").selectOption("gone");
            page.locator("#sheet button:has-text('Signaler')").click();
            page.waitForFunction("() => document.querySelector('#pending').textContent.startsWith('4 ')");
            page.locator("#sheet button.close").click();
            shoot(page, "offline-four-waiting-360x640.png");
            assertEquals(camerasBefore, sql.count("SELECT count(*) FROM camera"), "nothing reached the server offline");

            // back online: the confirmation and the report go out; both additions ask their question
            s.context().setOffline(false);
            page.waitForSelector("#pending-panel:not([hidden]) .pending-item.refused");
            page.waitForFunction("() => document.querySelectorAll('#pending-panel .pending-item.refused').length === 2"
                    + " && document.querySelectorAll('#pending-panel .pending-item').length === 2");
            shoot(page, "offline-duplicate-question-360x640.png");
            assertEquals(1, sql.count("SELECT confirmations FROM camera WHERE id = ?", toConfirm));
            assertEquals(1, sql.count("SELECT count(*) FROM camera_report WHERE camera_id = ? AND reason = 'gone'"
                    + " AND account_id = ?", toReport, volunteer.id()));

            page.locator(".pending-item:has-text('" + another + "') button:has-text('Une autre caméra')").click();
            page.waitForFunction("() => document.querySelectorAll('#pending-panel .pending-item').length === 1");
            page.locator(".pending-item:has-text('" + mistake + "') button:has-text('La même')").click();
            page.waitForSelector("#pending", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));

            // one camera more (the other one on the pole), none for the mistake, which confirmed the one it repeats
            assertEquals(camerasBefore + 1, sql.count("SELECT count(*) FROM camera"));
            assertEquals(1, sql.count("SELECT count(*) FROM camera WHERE operator = ? AND kind = 'camera'"
                    + " AND ST_DWithin(position::geography, (SELECT position FROM camera WHERE id = ?)::geography, 5)", another, twin));
            assertEquals(0, sql.count("SELECT count(*) FROM camera WHERE operator = ?", mistake));
            assertEquals(1, sql.count("SELECT confirmations FROM camera WHERE id = ?", same));
            // each sent once: the confirmation and the report were asked for once, and counted once
            assertEquals(1, posts(page, "/api/cameras/" + toConfirm + "/confirmations"));
            assertEquals(1, posts(page, "/api/cameras/" + toReport + "/reports"));
            assertEquals(1, posts(page, "/api/cameras/" + same + "/confirmations"));
            assertEquals(Boolean.TRUE, page.evaluate("() => JSON.parse(localStorage.getItem('vigie.pendingAdditions')).length === 0"));
            s.errors().removeIf(e -> e.contains("ERR_INTERNET_DISCONNECTED") || e.contains("409"));
            assertEquals(List.of(), s.errors());
        }
    }

    /** Adds a camera where the phone is (its position), with this operator, and saves. */
    private static void addHere(Page page, String operator) {
        page.locator("#add").click();
        page.locator("#locate").click();
        page.waitForFunction("() => document.querySelector('#editor .status').textContent.includes('Position')");
        page.locator("#cam-operator").fill(operator);
        page.locator("button[type=submit][form=camera-form]").click();
        page.waitForSelector("#editor", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
        assertTrue(page.locator("#messages").textContent().contains("gardée"), page.locator("#messages").textContent());
    }

    /** How many writes to this path the server accepted from the page since it was last loaded. */
    private static long posts(Page page, String path) {
        return ((Number) page.evaluate("(path) => window.vigieSent.filter((url) => url.endsWith(path)).length", path)).longValue();
    }

    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name)));
    }
}
