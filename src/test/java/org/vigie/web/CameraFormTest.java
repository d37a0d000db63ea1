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
 * The camera form on a phone: two cones back to back (a handle each on the map), range, height and
 * tilt in the advanced part, and the operators known around suggested by the server with their counts.
 */
@QuarkusTest
class CameraFormTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void twoDirectionsRangeHeightAndTiltAreSavedAndTheOperatorsAroundAreSuggested() {
        double[] spot = Api.freshSpot();
        String known = "Métropole " + System.nanoTime();
        Api.create(spot[0] + 0.0005, spot[1], Map.of("operator", known));
        Api.create(spot[0] + 0.0006, spot[1], Map.of("operator", known));
        String operator = "Deux cônes " + System.nanoTime();
        try (Browser.Session s = Browser.open(Browser.options().phone()).logIn(Accounts.volunteer())) {
            Page page = s.page();
            page.navigate(base + "#map=18/" + spot[1] + "/" + spot[0]);
            page.waitForSelector("body[data-ready]");
            page.locator("#add").click();
            // typed without its accent: the server's suggestion comes, with its count
            page.locator("#cam-operator").fill("metropole");
            page.waitForFunction("(name) => [...document.querySelectorAll('#cam-operators option')].some((o) => o.value === name"
                    + " && o.label.startsWith('2 '))", known);

            page.locator("#cam-direction").fill("90");
            page.locator("#add-direction").click();
            assertEquals("270", page.locator("#cam-direction-2").inputValue(), "the new cone faces away from the first");
            assertEquals(2, page.locator(".handle-icon").count(), "a handle per cone on the map");
            page.locator(".advanced summary").click();
            page.locator("#cam-range").fill("25");
            page.locator("#cam-height").fill("4.5");
            page.locator("#cam-tilt").fill("-20");
            page.locator("#cam-operator").fill(operator);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "form-two-directions-360x640.png")));
            page.locator("button[type=submit][form=camera-form]").click();
            page.waitForSelector("#editor", new Page.WaitForSelectorOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
            assertEquals(1, sql.count("SELECT count(*) FROM camera WHERE operator = ? AND directions = '{90,270}' AND range_m = 25"
                    + " AND height_m = 4.5 AND tilt = -20", operator));
            assertTrue(page.locator(".handle-icon").count() == 0, "the handles go with the form");
            assertEquals(List.of(), s.errors());
        }
    }

    @Test
    void aTypeBringsItsUsualAngleButNeverOverwritesOneTheVolunteerGave() {
        double[] spot = Api.freshSpot();
        try (Browser.Session s = Browser.open(Browser.options().phone()).logIn(Accounts.volunteer())) {
            Page page = s.page();
            page.navigate(base + "#map=18/" + spot[1] + "/" + spot[0]);
            page.waitForSelector("body[data-ready]");
            page.locator("#add").click();
            page.locator("#cam-cameraType").selectOption("dome");
            assertEquals("360", page.locator("#cam-fieldOfView").inputValue(), "a dome sees all around, as a rule");
            page.locator("#cam-cameraType").selectOption("fixed");
            assertEquals("60", page.locator("#cam-fieldOfView").inputValue());
            page.locator("#cam-fieldOfView").fill("90");
            page.locator("#cam-cameraType").selectOption("dome");
            assertEquals("90", page.locator("#cam-fieldOfView").inputValue(), "the angle given stays");
            // and the Save button is in view from the start, below the form's first fields
            assertTrue(page.locator("button[type=submit][form=camera-form]").isVisible());
            var box = page.locator("button[type=submit][form=camera-form]").boundingBox();
            assertTrue(box.y + box.height <= 640, "the Save button within the 640 px of the screen: " + box.y);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "form-save-in-view-360x640.png")));
            assertEquals(List.of(), s.errors());
        }
    }
}
