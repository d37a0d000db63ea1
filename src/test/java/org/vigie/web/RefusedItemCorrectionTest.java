package org.vigie.web;

import com.microsoft.playwright.Page;
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
 * A write made offline and refused by the server when the signal comes back is never lost: the
 * volunteer opens it in the form with every value they gave and the server's reason, corrects it and
 * sends it again, once. An addition with a height of 600 m (a slip for 6.00), an edit alike, and an
 * edit someone else overtook meanwhile (409), laid over the camera's current version.
 */
@QuarkusTest
class RefusedItemCorrectionTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void aRefusedAdditionIsCorrectedInTheFormWithAllItsValuesAndSentOnce() {
        double[] spot = Api.freshSpot();
        String operator = "Boulangerie " + System.nanoTime();
        Accounts.TestAccount volunteer = Accounts.established(Role.VOLUNTEER);
        try (Browser.Session s = Browser.open(Browser.options().phone().geolocation(spot[1], spot[0])).logIn(volunteer)) {
            Page page = s.page();
            countAcceptedWrites(s);
            page.navigate(base + "#map=18/" + spot[1] + "/" + spot[0]);
            page.waitForSelector("body[data-ready]");

            s.context().setOffline(true);
            page.locator("#add").click();
            page.locator("#locate").click();
            page.waitForFunction("() => document.querySelector('#editor .status').textContent.includes('Position')");
            page.locator("#cam-kind").selectOption("alpr");
            page.locator("#cam-operator").fill(operator);
            page.locator("#cam-signage-absent").check();
            page.locator("#cam-notes").fill("Au-dessus de la vitrine");
            page.locator("#editor details.advanced summary").click();
            page.locator("#cam-height").fill("600");
            page.locator("button[type=submit][form=camera-form]").click();
            page.waitForSelector("#editor", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
            page.waitForFunction("() => document.querySelector('#pending').textContent.startsWith('1 ')");

            // the signal comes back: the server refuses the height, the item stays with its reason
            s.context().setOffline(false);
            page.waitForSelector("#pending-panel:not([hidden]) .pending-item.refused");
            String row = page.locator(".pending-item.refused").textContent();
            assertTrue(row.contains("Hauteur") && row.contains("500") && !row.contains("properties."), row);
            shoot(page, "refused-addition-360x640.png");

            page.locator(".pending-item.refused button:has-text('Corriger')").click();
            page.waitForSelector("#editor:not([hidden])");
            assertEquals("alpr", page.locator("#cam-kind").inputValue());
            assertEquals(operator, page.locator("#cam-operator").inputValue());
            assertTrue(page.locator("#cam-signage-absent").isChecked());
            assertEquals("Au-dessus de la vitrine", page.locator("#cam-notes").inputValue());
            assertEquals("600", page.locator("#cam-height").inputValue());
            assertTrue(page.locator("#editor .form-errors").textContent().contains("Hauteur"),
                    page.locator("#editor .form-errors").textContent());
            assertTrue(page.locator("#editor .status").textContent().startsWith("Refusé par le serveur"),
                    page.locator("#editor .status").textContent());
            shoot(page, "refused-addition-correcting-360x640.png");
            // A language switch says it again in English, the fields kept and still marked.
            page.locator("#lang").click();
            page.waitForFunction("() => document.querySelector('#editor .status').textContent.startsWith('Refused by the server')");
            assertEquals("600", page.locator("#cam-height").inputValue());
            assertTrue(page.locator("#editor .form-errors").textContent().contains("Height"),
                    page.locator("#editor .form-errors").textContent());
            assertEquals("true", page.locator("#cam-height").getAttribute("aria-invalid"));
            assertEquals("lang", page.evaluate("() => document.activeElement.id"), "the focus stays on the language button");
            page.locator("#lang").click();
            page.waitForFunction("() => document.querySelector('#editor .status').textContent.startsWith('Refusé par le serveur')");

            page.locator("#cam-height").fill("6");
            page.locator("button[type=submit][form=camera-form]").click();
            page.waitForSelector("#editor", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
            page.waitForSelector("#pending", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));

            assertEquals(1, sql.count("SELECT count(*) FROM camera WHERE operator = ? AND kind = 'alpr' AND height_m = 6"
                    + " AND signage = 'absent' AND notes = 'Au-dessus de la vitrine'", operator));
            assertEquals(1, sql.count("SELECT count(*) FROM camera WHERE operator = ?", operator), "sent once");
            assertEquals(1L, accepted(page, "/api/cameras"));
            assertEquals(Boolean.TRUE, page.evaluate("() => JSON.parse(localStorage.getItem('vigie.pendingAdditions')).length === 0"));
            s.errors().removeIf(e -> e.contains("ERR_INTERNET_DISCONNECTED") || e.contains("400"));
            assertEquals(List.of(), s.errors());
        }
    }

    @Test
    void aRefusedEditAndAnOvertakenOneAreCorrectedOnTheCamera() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("operator", "Mairie", "directions", List.of(90)));
        long other = Api.create(spot[0] + 0.0004, spot[1], Map.of("operator", "Commerce"));
        Accounts.TestAccount volunteer = Accounts.established(Role.VOLUNTEER);
        try (Browser.Session s = Browser.open(Browser.options().phone()).logIn(volunteer)) {
            Page page = s.page();
            page.navigate(base + "#map=18/" + spot[1] + "/" + spot[0]);
            editOffline(s, id, "700", null);
            // the second camera: its operator changed offline, while someone else edits it online
            editOffline(s, other, null, "Commerce du coin");
            Api.update(other, 1, spot[0] + 0.0004, spot[1], Map.of("operator", "Commerce", "notes", "vue par un autre"));

            s.context().setOffline(false);
            page.waitForFunction("() => document.querySelectorAll('#pending-panel:not([hidden]) .pending-item.refused').length === 2");
            page.locator(".pending-item.refused:has-text('n° " + id + "') button:has-text('Corriger')").click();
            page.waitForSelector("#editor:not([hidden])");
            assertEquals("Modifier la caméra n° " + id, page.locator("#editor-title").textContent());
            assertEquals("700", page.locator("#cam-height").inputValue());
            assertEquals("Mairie", page.locator("#cam-operator").inputValue());
            page.locator("#cam-height").fill("7");
            page.locator("button[type=submit][form=camera-form]").click();
            page.waitForSelector("#editor", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
            assertEquals(7.0, sql.decimal("SELECT height_m FROM camera WHERE id = ?", id));
            assertEquals(2, sql.count("SELECT version FROM camera WHERE id = ?", id));

            // the overtaken edit: the volunteer's value over version 2, which the other volunteer's notes keep
            page.locator("#pending-open").click();
            page.locator(".pending-item.refused:has-text('n° " + other + "') button:has-text('Corriger')").click();
            page.waitForFunction("() => document.querySelector('#editor .status')?.textContent.includes('version 2')");
            assertEquals("Commerce du coin", page.locator("#cam-operator").inputValue());
            assertEquals("vue par un autre", page.locator("#cam-notes").inputValue());
            shoot(page, "refused-edit-overtaken-360x640.png");
            page.locator("button[type=submit][form=camera-form]").click();
            page.waitForSelector("#editor", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
            page.waitForSelector("#pending", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
            assertEquals("Commerce du coin", sql.text("SELECT operator FROM camera WHERE id = ?", other));
            assertEquals("vue par un autre", sql.text("SELECT notes FROM camera WHERE id = ?", other));
            assertEquals(3, sql.count("SELECT version FROM camera WHERE id = ?", other));
            s.errors().removeIf(e -> e.contains("ERR_INTERNET_DISCONNECTED") || e.contains("400") || e.contains("409"));
            assertEquals(List.of(), s.errors());
        }
    }

    /** Opens a camera's sheet online, then edits it without network: the edit waits on the phone. */
    private static void editOffline(Browser.Session s, long id, String height, String operator) {
        Page page = s.page();
        s.context().setOffline(false);
        // what waited went out (or was refused) when the signal came back: the panel it may open is settled
        page.waitForFunction("() => JSON.parse(localStorage.getItem('vigie.pendingAdditions') || '[]').every((i) => i.refused)");
        page.locator("[data-camera-id='" + id + "']").click();
        page.waitForSelector("#sheet:not([hidden]) .fields:not([aria-busy])");
        s.context().setOffline(true);
        page.locator("#sheet button:has-text('Modifier')").click();
        page.waitForSelector("#editor:not([hidden])");
        if (height != null) {
            page.locator("#editor details.advanced summary").click();
            page.locator("#cam-height").fill(height);
        }
        if (operator != null) {
            page.locator("#cam-operator").fill(operator);
        }
        page.locator("button[type=submit][form=camera-form]").click();
        page.waitForSelector("#editor", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
    }

    private static void countAcceptedWrites(Browser.Session s) {
        s.context().addInitScript("(() => { const send = window.fetch; window.vigieSent = [];"
                + " window.fetch = (url, init) => send(url, init).then((r) => {"
                + " if (init && init.method && init.method !== 'GET' && r.ok) window.vigieSent.push(String(url)); return r; }); })()");
    }

    private static long accepted(Page page, String path) {
        return ((Number) page.evaluate("(path) => window.vigieSent.filter((url) => new URL(url, location.href).pathname === path).length",
                path)).longValue();
    }

    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name)));
    }
}
