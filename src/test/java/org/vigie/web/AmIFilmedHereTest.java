package org.vigie.web;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.common.geo.Geodesy;
import org.vigie.support.Api;
import org.vigie.support.Browser;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Am I filmed here?" on a phone: in front of a camera the answer names it, its operator and its
 * sign, highlights it, keeps the point in the URL and offers the letter; behind it (asked from the
 * phone's position) nobody films; an indoor camera does not answer for the street.
 */
@QuarkusTest
class AmIFilmedHereTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void inFrontOfACameraItIsNamedWithItsOperatorAndTheLetterBehindItNobody() {
        double[] spot = Api.freshSpot();
        String operator = "Mairie " + System.nanoTime();
        long id = Api.create(spot[0], spot[1], Map.of("directions", List.of(90), "fieldOfView", 60, "range", 40,
                "operator", operator, "operatorType", "public", "signage", "absent"));
        // a shop's indoor camera facing the street 20 m away: it films the shop, not the pavement
        long indoor = Api.create(spot[0] + 0.0001, spot[1] - 0.0001, Map.of("filmedArea", "indoor", "directions", List.of(0), "range", 40));
        double[] front = Geodesy.destination(spot[0], spot[1], 90, 20);
        double[] behind = Geodesy.destination(spot[0], spot[1], 270, 20);

        try (Browser.Session s = Browser.open(Browser.options().phone().geolocation(behind[1], behind[0]))) {
            Page page = s.page();
            page.navigate(base + "#map=18/" + spot[1] + "/" + spot[0] + "&here=" + front[1] + "/" + front[0]);
            page.waitForSelector("#here-panel:not([hidden]) .here-count");
            assertEquals("1 caméra(s) filment ce point.", page.locator(".here-count").textContent());
            String camera = page.locator(".here-camera").textContent();
            assertTrue(camera.contains(operator) && camera.contains("public") && camera.contains("absent"), camera);
            assertEquals(String.valueOf(id), page.locator(".here-camera").getAttribute("data-camera-id"));
            assertTrue(page.locator(".here-camera[data-camera-id='" + indoor + "']").count() == 0, "the indoor camera is left out");
            assertEquals(1, page.locator("path.cone-watching").count(), "the camera filming the point is highlighted");

            page.locator(".letter-button").click();
            String letter = page.locator(".letter").textContent();
            assertTrue(letter.contains(operator) && letter.contains("article 15 du RGPD")
                    && letter.contains(String.format(java.util.Locale.ROOT, "%.6f", front[1])), letter);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "here-letter-360x640.png")).setFullPage(true));

            // behind the camera, asked from the phone's position: the URL follows, nobody films
            page.locator("#here-panel button.close").click();
            page.waitForFunction("() => !location.hash.includes('here=')");
            page.locator("#here").click();
            page.waitForFunction("() => location.hash.includes('here=')");
            page.waitForSelector("#here-panel:not([hidden]) .here-count");
            assertTrue(page.locator(".here-count").textContent().startsWith("Aucune caméra"), page.locator(".here-count").textContent());
            assertEquals(0, page.locator("path.cone-watching").count());
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "here-none-360x640.png")));
            assertEquals(List.of(), s.errors());
        }
    }
}
