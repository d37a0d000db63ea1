package org.vigie.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.vigie.support.Browser;

import java.net.URL;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The city search and panel against the cities API's contract (issue 4, built separately): the
 * answers are played by the browser here so that the page's side is checked on its own, and so
 * is its message when this server has no cities API.
 */
@QuarkusTest
class CityPanelTest {

    private static final String SEARCH = """
            [{"code": "38185", "name": "Grenoble", "cameraCount": 12, "bbox": [5.678, 45.154, 5.753, 45.214]},
             {"code": "38151", "name": "Gières", "cameraCount": 3, "bbox": [5.77, 45.17, 5.81, 45.19]}]""";
    private static final String BOUNDARY = """
            {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[5.678, 45.154], [5.753, 45.154],
             [5.753, 45.214], [5.678, 45.214], [5.678, 45.154]]]},
             "properties": {"code": "38185", "name": "Grenoble", "areaKm2": 18.13, "cameraCount": 12}}""";
    private static final String STATS = """
            {"total": 12, "byKind": {"camera": 10, "alpr": 2}, "byOperatorType": {"public": 7, "private": 5},
             "byOperator": {"<b>Ville</b>": 7}, "bySignage": {"present": 4, "absent": 8}, "byStatus": {"reported": 12},
             "perKm2": 0.66, "signageShare": {"present": 4, "absent": 8, "unknown": 0},
             "additionsPerMonth": [{"month": "2024-05", "count": 4}, {"month": "2024-06", "count": 8}]}""";

    @TestHTTPResource("/")
    URL base;

    @Test
    void choosingASuggestedCityOutlinesItShowsItsFiguresAndKeepsItInTheUrl() {
        try (Browser.Session s = Browser.open(Browser.options())) {
            Page page = s.page();
            page.route(Pattern.compile(".*/api/cities\\?q=.*"), json(SEARCH));
            page.route(Pattern.compile(".*/api/cities/38185$"), json(BOUNDARY));
            page.route(Pattern.compile(".*/api/cities/38185/stats.*"), json(STATS));
            page.navigate(base + "#map=12/45.18/5.72");
            page.waitForSelector("body[data-ready]");

            page.locator("#city-search").fill("gre");
            page.waitForSelector("#city-suggestions li[role=option]");
            assertEquals(2, page.locator("#city-suggestions li").count());
            page.locator("#city-search").press("ArrowDown");
            page.locator("#city-search").press("Enter");

            page.waitForSelector("#city-panel svg.chart");
            page.waitForSelector("path.city-outline");
            assertTrue(page.url().contains("city=38185"), page.url());
            String panel = page.locator("#city-panel").textContent();
            assertTrue(panel.contains("Grenoble") && panel.contains("<b>Ville</b>"), panel);
            assertEquals(0, page.locator("#city-panel b").count());
            String csv = page.locator("#city-panel a", new Page.LocatorOptions().setHasText("CSV")).getAttribute("href");
            assertTrue(csv.startsWith("/api/cameras/export?") && csv.contains("format=csv") && csv.contains("city=38185"), csv);

            page.locator("#city-panel button", new Page.LocatorOptions().setHasText("Quitter")).click();
            page.waitForSelector("#city-panel", new Page.WaitForSelectorOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
            assertTrue(!page.url().contains("city="), page.url());
            assertEquals(List.of(), s.errors());
        }
    }

    @Test
    void withoutTheCitiesApiTheSearchSaysSo() {
        try (Browser.Session s = Browser.open(Browser.options())) {
            Page page = s.page();
            page.route(Pattern.compile(".*/api/cities\\?q=.*"), route -> route.fulfill(new Route.FulfillOptions().setStatus(404)
                    .setContentType("application/problem+json").setBody("{\"status\": 404, \"title\": \"Not found\"}")));
            page.navigate(base + "#map=12/45.18/5.72");
            page.waitForSelector("body[data-ready]");
            page.locator("#city-search").fill("gre");
            page.waitForSelector("#city-suggestions li");
            assertTrue(page.locator("#city-suggestions").textContent().contains("pas encore disponible"));
            // the browser logs the 404 itself; nothing else went wrong
            s.errors().removeIf(e -> e.contains("404"));
            assertEquals(List.of(), s.errors());
        }
    }

    private static java.util.function.Consumer<Route> json(String body) {
        return route -> route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("application/json").setBody(body));
    }
}
