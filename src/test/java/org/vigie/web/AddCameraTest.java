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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Adding a camera the way a volunteer does on a phone, in a real Chromium with a faked position
 * and compass: what is stored is checked in the database, not in the page.
 */
@QuarkusTest
class AddCameraTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void locateCompassAndFormCreateTheCameraWhereItIsAndLookingWhereThePhonePoints() {
        double[] spot = Api.freshSpot();
        double lon = spot[0] + 0.002;
        double lat = spot[1] + 0.001;
        // a camera already mapped 3 m away: the form warns about a possible duplicate
        Api.create(lon, lat + 3 / 111_195.0, Map.of("kind", "camera")); // 3 m north
        String operator = "Opérateur " + System.nanoTime();

        try (Browser.Session s = Browser.open(Browser.options().phone().geolocation(lat, lon).compass())) {
            Page page = s.logIn(Accounts.volunteer()).page();
            page.navigate(base + "#map=16/" + spot[1] + "/" + spot[0]);
            page.waitForSelector("body[data-ready]");
            page.locator("#add").click();
            page.locator("#locate").click();
            page.waitForFunction("() => document.querySelector('#editor .status').textContent.includes('Position')");
            page.waitForSelector("#editor .warning:not([hidden])");
            assertTrue(page.locator("#editor .warning").textContent().contains("3 m"), page.locator("#editor .warning").textContent());

            page.locator("#compass").click();
            // the phone points east: an absolute orientation with alpha 270 (counter-clockwise) is heading 90;
            // sent until the page, which asks for the compass asynchronously, has taken it
            page.waitForFunction("() => { window.dispatchEvent(new DeviceOrientationEvent('deviceorientationabsolute',"
                    + " {alpha: 270, beta: 80, gamma: 0, absolute: true}));"
                    + " return document.querySelector('#cam-direction').value === '90'; }");
            assertTrue(page.locator("#editor .status").textContent().contains("90°"), page.locator("#editor .status").textContent());
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots", "add-360x640.png")));

            page.locator("#cam-cameraType").selectOption("fixed");
            page.locator("#cam-operator").fill(operator);
            page.locator("#cam-operatorType").selectOption("private");
            page.locator("#cam-filmedArea").selectOption("indoor");
            page.locator("#cam-level").fill("2");
            page.locator("#cam-filmsWorkstations").selectOption("yes");
            page.locator("label[for=cam-cap-audio]").click();
            page.locator("label[for=cam-signage-absent]").click();
            page.locator("button[type=submit][form=camera-form]").click();
            page.waitForFunction("() => document.querySelector('#messages').textContent.includes('enregistrée')");
            // the volunteer saw the warning and saved: that confirms it is another camera
            assertTrue(s.requests().stream().anyMatch(u -> u.contains("/api/cameras?confirmDuplicate=true")), s.requests().toString());

            assertEquals(1, sql.count("SELECT count(*) FROM camera WHERE operator = ? AND directions = '{90}'"
                    + " AND abs(ST_X(position) - ?) < 1e-6 AND abs(ST_Y(position) - ?) < 1e-6 AND camera_type = 'fixed'"
                    + " AND operator_type = 'private' AND filmed_area = 'indoor' AND level = '2' AND films_workstations = 'yes'"
                    + " AND capabilities = '{audio}' AND signage = 'absent' AND field_of_view = 60", operator, lon, lat));
            assertEquals(List.of(), s.errors());
        }
    }

    @Test
    void withoutNetworkTheAdditionWaitsOnThePhoneAndIsSentWhenTheNetworkIsBack() {
        double[] spot = Api.freshSpot();
        String operator = "Hors ligne " + System.nanoTime();
        try (Browser.Session s = Browser.open(Browser.options().phone())) {
            Page page = s.logIn(Accounts.volunteer()).page();
            page.navigate(base + "#map=18/" + spot[1] + "/" + spot[0]);
            page.waitForSelector("body[data-ready]");
            page.locator("#add").click();
            page.locator("#cam-operator").fill(operator);
            s.context().setOffline(true);
            page.locator("button[type=submit][form=camera-form]").click();
            page.waitForSelector("#pending:not([hidden])");
            assertTrue(page.locator("#pending").textContent().startsWith("1 "), page.locator("#pending").textContent());
            assertEquals(0, sql.count("SELECT count(*) FROM camera WHERE operator = ?", operator));

            s.context().setOffline(false);
            page.waitForSelector("#pending", new Page.WaitForSelectorOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
            // placed where the map showed it: above the form, a little north of the centre
            assertEquals(1, sql.count("SELECT count(*) FROM camera WHERE operator = ?"
                    + " AND abs(ST_X(position) - ?) < 1e-5 AND ST_Y(position) - ? BETWEEN 0 AND 0.002", operator, spot[0], spot[1]));
            // going offline makes the map's own requests fail: those are reported, not thrown
            s.errors().removeIf(e -> e.contains("ERR_INTERNET_DISCONNECTED"));
            assertEquals(List.of(), s.errors());
        }
    }

    @Test
    void anEditOnAStaleVersionShowsTheConflictAndCanStartAgainFromTheCurrentOne() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("operator", "Avant", "directions", List.of(45)));
        try (Browser.Session s = Browser.open(Browser.options().phone())) {
            Page page = s.logIn(Accounts.volunteer()).page();
            page.navigate(base + "#map=18/" + spot[1] + "/" + spot[0]);
            page.locator("[data-camera-id='" + id + "']").click();
            page.locator("#sheet button", new Page.LocatorOptions().setHasText("Modifier")).click();
            page.locator("#cam-operator").fill("Ma version");

            // someone else saves version 2 meanwhile
            Api.asVolunteer().header("If-Match", "\"1\"")
                    .body(Api.feature(spot[0], spot[1], Map.of("operator", "Leur version", "directions", List.of(45))))
                    .put("/api/cameras/" + id).then().statusCode(200);
            page.locator("button[type=submit][form=camera-form]").click();
            page.waitForFunction("() => document.querySelector('#editor .status').textContent.includes('version 2')");
            page.locator("#editor button", new Page.LocatorOptions().setHasText("Recharger")).click();
            page.waitForFunction("() => document.querySelector('#cam-operator').value === 'Leur version'");

            page.locator("#cam-operator").fill("Ma version");
            page.locator("button[type=submit][form=camera-form]").click();
            page.waitForFunction("() => document.querySelector('#messages').textContent.includes('enregistrée')");
            assertEquals(1, sql.count("SELECT count(*) FROM camera WHERE id = ? AND version = 3 AND operator = 'Ma version'"
                    + " AND directions = '{45}'", id));
            s.errors().removeIf(e -> e.contains("409")); // the browser logs the refused PUT itself
            assertEquals(List.of(), s.errors());
        }
    }
}
