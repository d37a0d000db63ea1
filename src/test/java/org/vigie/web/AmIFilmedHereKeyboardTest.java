package org.vigie.web;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
 * "Am I filmed here?" without a long press, on a phone, with the keyboard only: Tab to "Au clavier",
 * Enter shows a crosshair and a hint and gives the map focus; Escape cancels and gives focus back;
 * the arrow keys move the map under the crosshair and Enter asks at the map's centre, answering
 * with the very cameras the API names for that point.
 */
@QuarkusTest
class AmIFilmedHereKeyboardTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void theKeyboardChoosesThePointUnderTheCrosshairAndEscapeCancels() {
        double[] spot = Api.freshSpot();
        // two cameras back to back on the start point: one films west (the start itself), the other east,
        // where one press of the right arrow brings the centre (80 px at zoom 19: 12 to 24 m at |lat| < 60°)
        long west = Api.create(spot[0], spot[1], Map.of("directions", List.of(270), "fieldOfView", 90, "range", 60,
                "operator", "Ouest " + System.nanoTime()));
        long east = Api.create(spot[0], spot[1], Map.of("directions", List.of(90), "fieldOfView", 90, "range", 60,
                "operator", "Est " + System.nanoTime()));

        try (Browser.Session s = Browser.open(Browser.options().phone())) {
            Page page = s.page();
            page.navigate(base + "#map=19/" + spot[1] + "/" + spot[0]);
            page.waitForSelector("body[data-ready=true]");
            page.waitForSelector("[data-camera-id='" + east + "']");

            tabTo(page, "here-keyboard");
            assertEquals("Filmé ici ? Choisir le point au clavier", page.locator("#here-keyboard").getAttribute("aria-label"));
            page.keyboard().press("Enter");
            page.waitForSelector("#here-keys:not([hidden]) [role=status]:has-text('Entrée')");
            assertEquals("map", activeId(page), "the map has focus, so that the arrow keys move it");
            assertTrue(page.locator("#map .keyboard-crosshair").isVisible(), "a crosshair marks the centre");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "here-keyboard-360x640.png")));

            // Escape cancels: nothing asked, focus back on the button
            page.keyboard().press("Escape");
            page.waitForSelector("#here-keys", new Page.WaitForSelectorOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
            assertEquals("here-keyboard", activeId(page));
            assertEquals(0, page.locator("#map .keyboard-crosshair").count());
            assertFalse(page.url().contains("here="), page.url());
            assertTrue(page.locator("#here-panel").isHidden());

            // again, the map moved one step east under the crosshair, then Enter
            page.keyboard().press("Enter");
            page.waitForSelector("#here-keys:not([hidden])");
            String before = (String) page.evaluate("() => location.hash");
            page.keyboard().press("ArrowRight");
            page.waitForFunction("(before) => location.hash !== before", before);
            page.waitForTimeout(300); // the pan's animation ends with the URL's update
            page.keyboard().press("Enter");
            page.waitForFunction("() => location.hash.includes('here=')");
            page.waitForSelector("#here-panel:not([hidden]) .here-count");
            assertEquals("here-title", activeId(page), "the answer takes focus");

            String[] here = ((String) page.evaluate("() => new URLSearchParams(location.hash.slice(1)).get('here')")).split("/");
            double lat = Double.parseDouble(here[0]);
            double lon = Double.parseDouble(here[1]);
            assertTrue(Math.abs(lat - spot[1]) < 2e-5, "the right arrow keeps the latitude: " + lat);
            assertTrue(lon > spot[0] + 5e-5, "the point moved east of the start: " + lon);
            double[] centre = centre(page);
            assertEquals(centre[0], lat, 1e-6, "the point asked is the map's centre, under the crosshair");
            assertEquals(centre[1], lon, 1e-6);

            List<String> shown = page.locator(".here-camera").all().stream().map(row -> row.getAttribute("data-camera-id")).toList();
            List<Integer> answered = given().queryParam("lon", here[1]).queryParam("lat", here[0])
                    .get("/api/cameras/watching").then().statusCode(200).extract().jsonPath().getList("features.id", Integer.class);
            assertEquals(answered.stream().map(String::valueOf).sorted().toList(), shown.stream().sorted().toList(),
                    "the panel names the cameras the API names for the point");
            assertTrue(shown.contains(String.valueOf(east)) && !shown.contains(String.valueOf(west)), "east films it, west does not: " + shown);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "here-keyboard-answer-360x640.png")));
            assertEquals(List.of(), s.errors());
        }
    }

    /** Presses Tab until the element of that id has focus (at most 80 times). */
    private static void tabTo(Page page, String id) {
        for (int i = 0; i < 80 && !id.equals(activeId(page)); i++) {
            page.keyboard().press("Tab");
        }
        assertEquals(id, activeId(page), "reached with Tab");
    }

    private static String activeId(Page page) {
        return (String) page.evaluate("() => document.activeElement && document.activeElement.id");
    }

    /** The map's centre as the URL's view has it (#map=ZOOM/LAT/LON, kept on every move). */
    private static double[] centre(Page page) {
        String[] view = ((String) page.evaluate("() => location.hash.replace(/^#map=/, '').split('&')[0]")).split("/");
        return new double[] {Double.parseDouble(view[1]), Double.parseDouble(view[2])};
    }
}
