package org.vigie.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigie.city.CityFixtures;
import org.vigie.support.Api;
import org.vigie.support.Browser;
import org.vigie.support.Sql;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The city search and panel against the real cities API, on the 18 commune boundaries of
 * ../shared/data: choosing a city outlines it, shows its figures and narrows the cameras drawn to
 * those inside it; and the page's message when a server has no cities API.
 */
@QuarkusTest
class CityPanelTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    CityFixtures cities;
    @Inject
    Sql sql;

    @Test
    void choosingASuggestedCityOutlinesItShowsItsFiguresAndNarrowsTheMap() {
        CityFixtures.assumeData();
        cities.importCommunes();
        Api.init();
        long mairie = Api.create(5.7263, 45.1903, Map.of("operator", "<b>Ville</b>", "operatorType", "public"));
        long gare = Api.create(5.7146, 45.1910, Map.of("kind", "alpr"));
        long gieres = Api.create(5.7610, 45.1850, Map.of()); // just east of Grenoble's boundary

        try (Browser.Session s = Browser.open(Browser.options())) {
            Page page = s.page();
            page.navigate(base + "#map=15/45.188/5.738");
            page.waitForSelector("[data-camera-id='" + gieres + "']");
            assertTrue(page.locator("[data-camera-id='" + mairie + "']").count() > 0);

            page.locator("#city-search").fill("gre");
            page.waitForSelector("#city-suggestions li[role=option]");
            assertTrue(page.locator("#city-suggestions").textContent().contains("Grenoble"));
            page.locator("#city-search").press("ArrowDown");
            page.locator("#city-search").press("Enter");

            page.waitForSelector("#city-panel svg.chart");
            page.waitForSelector("path.city-outline");
            assertTrue(page.url().contains("city=38185"), page.url());
            // Zoomed out to the whole city, the counts drawn are Grenoble's cameras, all of them, and only them.
            page.waitForSelector("#count[data-mode=clusters]");
            long inGrenoble = sql.count("SELECT count(*) FROM camera WHERE visible AND city_code = '38185'");
            page.waitForFunction("n => [...document.querySelectorAll('.cluster-icon span')]"
                    + ".reduce((sum, e) => sum + Number(e.textContent), 0) === n", (int) inGrenoble);
            // Closer, each camera is drawn: those inside the city only.
            page.evaluate("location.hash = '#map=15/45.188/5.738&city=38185'");
            page.waitForSelector("[data-camera-id='" + mairie + "']");
            assertTrue(page.locator("[data-camera-id='" + gare + "']").count() > 0);
            assertEquals(0, page.locator("[data-camera-id='" + gieres + "']").count());

            String panel = page.locator("#city-panel").textContent();
            assertTrue(panel.contains("Grenoble") && panel.contains("<b>Ville</b>"), panel);
            assertEquals(0, page.locator("#city-panel b").count());
            String csv = page.locator("#city-panel a", new Page.LocatorOptions().setHasText("CSV")).getAttribute("href");
            assertTrue(csv.startsWith("/api/cameras/export?") && csv.contains("format=csv") && csv.contains("city=38185"), csv);

            // A filter chosen afterwards narrows the map and the panel's export alike.
            page.evaluate("location.hash = '#map=15/45.188/5.738&kind=alpr&city=38185'");
            page.waitForSelector("[data-camera-id='" + mairie + "']", new Page.WaitForSelectorOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
            assertTrue(page.locator("[data-camera-id='" + gare + "']").count() > 0);
            page.waitForFunction("() => [...document.querySelectorAll('#city-panel a')].some(a => a.href.includes('kind=alpr'))");
            page.evaluate("location.hash = '#map=15/45.188/5.738&city=38185'");
            page.waitForSelector("[data-camera-id='" + mairie + "']");

            page.locator("#city-panel button", new Page.LocatorOptions().setHasText("Quitter")).click();
            page.waitForSelector("#city-panel", new Page.WaitForSelectorOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
            assertTrue(!page.url().contains("city="), page.url());
            page.waitForSelector("[data-camera-id='" + gieres + "']");
            assertEquals(List.of(), s.errors());
        }
    }

    @Test
    void theFiltersOpenOverTheCityPanelAndACameraSheetOverBoth() {
        CityFixtures.assumeData();
        cities.importCommunes();
        Api.init();
        long camera = Api.create(5.7230, 45.1904, Map.of()); // away from the other test's cameras
        for (Browser.Options options : List.of(Browser.options(), Browser.options().phone())) {
            try (Browser.Session s = Browser.open(options)) {
                Page page = s.page();
                // the camera about 200 px above the middle of the map, clear of the panels on a phone
                page.navigate(base + "#map=17/45.1889/5.7230&city=38185");
                page.waitForSelector("#city-panel svg.chart");
                page.locator("#filters-toggle").click();
                assertEquals("filters", onTop(page, "#filters"), "the filters just asked for are not hidden under the city's figures");
                page.locator("[data-camera-id='" + camera + "']").click();
                page.waitForSelector("#sheet:not([hidden])");
                assertEquals("sheet", onTop(page, "#sheet"), "the camera tapped shows over both panels");
                assertEquals(List.of(), s.errors());
            }
        }
    }

    /** The id of the panel or sheet holding the element drawn at the middle of {@code selector}'s box. */
    private static String onTop(Page page, String selector) {
        return (String) page.evaluate("(s) => { const r = document.querySelector(s).getBoundingClientRect();"
                + " const e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                + " const panel = e && e.closest('.panel, .sheet'); return panel ? panel.id : String(e && e.tagName); }", selector);
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
}
