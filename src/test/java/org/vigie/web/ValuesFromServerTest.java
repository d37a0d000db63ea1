package org.vigie.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.camera.attribute.CameraValues;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Browser;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 20: the front end lists the enumerated values the server gives (GET /api/config `values`,
 * from the Java enums), not lists of its own: the filters, the camera form and the legend show
 * exactly the server's values, and a value the server adds appears in all three without a change
 * to the front end.
 */
@QuarkusTest
class ValuesFromServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void theFiltersTheFormAndTheLegendListTheServersValuesInItsOrder() {
        double[] spot = Api.freshSpot();
        try (Browser.Session s = Browser.open(Browser.options().phone()).logIn(Accounts.volunteer())) {
            Page page = s.page();
            page.navigate(base + "#map=17/" + spot[1] + "/" + spot[0]);
            page.waitForSelector("body[data-ready]");

            page.locator("#filters-toggle").click();
            for (String field : List.of("kind", "cameraType", "operatorType", "signage", "status", "zone", "filmedArea",
                    "filmsWorkstations", "capabilities", "signNamesOperator", "signGivesContact")) {
                assertEquals(values(field), strings(page, "#filters-body input[name='" + field + "']", "value"), field);
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "values-filters-360x640.png")));
            page.locator("#filters-toggle").click();

            page.locator("#add").click();
            for (String field : List.of("kind", "cameraType", "mount", "operatorType", "filmedArea", "zone")) {
                assertEquals(values(field), strings(page, "#cam-" + field + " option", "value"), field);
            }
            assertEquals(values("capabilities"), strings(page, "input[id^='cam-cap-']", "value"));
            assertEquals(values("signage"), strings(page, "input[type='radio'][name='signage']", "value"));
            assertEquals("unknown", page.locator("#cam-operatorType").inputValue(), "a new camera's operator is not guessed");
            assertEquals("camera", page.locator("#cam-kind").inputValue(), "the first kind, the most common");
            assertTrue(page.locator("#cam-signage-unknown").isChecked());
            assertEquals(List.of(), s.errors());
        }
    }

    @Test
    void aValueTheServerAddsAppearsInTheFiltersTheFormAndTheLegend() {
        double[] spot = Api.freshSpot();
        try (Browser.Session s = Browser.open(Browser.options().phone()).logIn(Accounts.volunteer())) {
            Page page = s.page();
            // the server of a later version, with one more kind
            page.route("**/api/config", route -> {
                APIResponse real = route.fetch();
                route.fulfill(new Route.FulfillOptions().setResponse(real).setBody(withExtraKind(real.text(), "drone")));
            });
            page.navigate(base + "#map=17/" + spot[1] + "/" + spot[0]);
            page.waitForSelector("body[data-ready]");

            page.locator("#filters-toggle").click();
            assertTrue(page.locator("#filter-kind-drone").isVisible(), "the new kind can be filtered on");
            page.locator("#filters-toggle").click();

            page.locator("#legend-toggle").click();
            assertEquals(values("kind").size() + 1, page.locator("#legend ul").nth(1).locator("li").count(),
                    "a row per kind, the new one included");
            assertTrue(page.locator("#legend").textContent().contains("drone"), "its value shown as long as it has no label");
            page.locator("#legend-toggle").click();

            page.locator("#add").click();
            page.locator("#cam-kind").selectOption("drone");
            assertEquals("drone", page.locator("#cam-kind").inputValue());
        }
    }

    private static List<String> values(String property) {
        return CameraValues.byProperty().get(property);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Page page, String selector, String property) {
        return (List<String>) page.evaluate("([selector, property]) => [...document.querySelectorAll(selector)].map((e) => e[property])",
                List.of(selector, property));
    }

    private static String withExtraKind(String config, String kind) {
        try {
            ObjectNode settings = (ObjectNode) JSON.readTree(config);
            ((ArrayNode) settings.get("values").get("kind")).add(kind);
            return JSON.writeValueAsString(settings);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
