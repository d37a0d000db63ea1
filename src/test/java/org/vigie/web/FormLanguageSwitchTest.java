package org.vigie.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
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
 * A language switch while the add or edit form is open: the form speaks the new language, and
 * nothing typed, ticked, unfolded or dragged is lost; the edit still saves as an edit of its version.
 */
@QuarkusTest
class FormLanguageSwitchTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void anOpenFormIsRetranslatedWithEverythingTypedKept() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0] + 0.0005, spot[1], Map.of("operator", "Mairie", "directions", List.of(0)));
        Accounts.TestAccount volunteer = Accounts.established(Role.VOLUNTEER);
        try (Browser.Session s = Browser.open(Browser.options().phone()).logIn(volunteer)) {
            Page page = s.page();
            page.navigate(base + "#map=18/" + spot[1] + "/" + spot[0]);
            page.waitForSelector("body[data-ready]");

            page.locator("#add").click();
            page.locator("#cam-kind").selectOption("alpr");
            page.locator("#cam-operator").fill("Pharmacie du marché");
            page.locator("#cam-signage-absent").check();
            page.locator("#cam-cap-infrared").check();
            page.locator("#cam-direction").fill("90");
            page.locator("#add-direction").click();
            page.locator("#cam-direction-2").fill("200");
            page.locator("#cam-notes").fill("Au coin de la rue");
            page.locator("#editor details.advanced summary").click();
            page.locator("#cam-height").fill("4.5");
            page.locator("#cam-range").fill("45");
            BoundingBox marker = page.locator(".draft-icon").boundingBox();

            page.locator("#lang").click();
            page.waitForFunction("() => document.querySelector('#editor-title').textContent === 'New camera'");
            assertEquals("Operator", page.locator("label[for=cam-operator]").textContent());
            assertEquals("Save", page.locator("button[type=submit][form=camera-form]").textContent());
            assertEquals("alpr", page.locator("#cam-kind").inputValue());
            assertTrue(page.locator("#cam-kind option:checked").textContent().toLowerCase().contains("plate"),
                    page.locator("#cam-kind option:checked").textContent());
            assertEquals("Pharmacie du marché", page.locator("#cam-operator").inputValue());
            assertTrue(page.locator("#cam-signage-absent").isChecked());
            assertTrue(page.locator("#cam-cap-infrared").isChecked());
            assertEquals("90", page.locator("#cam-direction").inputValue());
            assertEquals("200", page.locator("#cam-direction-2").inputValue());
            assertEquals("Au coin de la rue", page.locator("#cam-notes").inputValue());
            assertTrue(page.locator("#editor details.advanced").evaluate("(d) => d.open").equals(Boolean.TRUE));
            assertEquals("4.5", page.locator("#cam-height").inputValue());
            assertEquals("45", page.locator("#cam-range").inputValue());
            BoundingBox after = page.locator(".draft-icon").boundingBox();
            assertEquals(marker.x, after.x, 1, "the marker and the map stay where they were");
            assertEquals(marker.y, after.y, 1, "the marker and the map stay where they were");
            assertEquals(2, page.locator(".handle-icon").count(), "one handle per direction");
            assertEquals("lang", page.evaluate("() => document.activeElement.id"), "the focus stays on the language button");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "form-switched-to-en-360x640.png")));
            page.locator("#editor button.close").click();
            page.waitForSelector("#editor", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));

            // an edit, switched back to French, still saves as an edit of the version it started from
            page.locator("[data-camera-id='" + id + "']").click();
            page.waitForSelector("#sheet:not([hidden]) .fields:not([aria-busy])");
            page.locator("#sheet button:has-text('Edit')").click();
            page.waitForSelector("#editor:not([hidden])");
            page.locator("#cam-notes").fill("Repeinte en vert");
            page.locator("#lang").click();
            page.waitForFunction("(id) => document.querySelector('#editor-title').textContent === 'Modifier la caméra n° ' + id", String.valueOf(id));
            assertEquals("Repeinte en vert", page.locator("#cam-notes").inputValue());
            assertEquals("Mairie", page.locator("#cam-operator").inputValue());
            page.locator("button[type=submit][form=camera-form]").click();
            page.waitForSelector("#editor", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
            assertEquals("Repeinte en vert", sql.text("SELECT notes FROM camera WHERE id = ?", id));
            assertEquals(2, sql.count("SELECT version FROM camera WHERE id = ?", id));
            assertEquals(1, sql.count("SELECT count(*) FROM camera WHERE operator = 'Mairie'"
                    + " AND ST_DWithin(position::geography, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, 100)", spot[0], spot[1]),
                    "an edit, not a new camera");
            assertEquals(List.of(), s.errors());
        }
    }
}
