package org.vigie.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;
import org.vigie.support.Browser;
import org.vigie.support.Sql;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The map page in a real Chromium against the running app and its PostGIS: what it draws for a
 * view in the URL, counts when zoomed out, filters, escaping of contributed text, and a phone-size
 * screenshot under target/screenshots for review.
 */
@QuarkusTest
class MapPageTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void drawsTheCamerasOfTheViewInTheUrlWithTheirConesAndFollowsFiltersAndTheBackButton() {
        double[] spot = Api.freshSpot();
        Api.create(spot[0], spot[1], Map.of("cameraType", "fixed", "directions", List.of(90), "operator", "Mairie",
                "operatorType", "public"));
        Api.create(spot[0] + 0.0005, spot[1], Map.of("cameraType", "dome", "operatorType", "private"));
        Api.create(spot[0], spot[1] + 0.0005, Map.of("kind", "alpr", "directions", List.of(180, 270)));

        try (Browser.Session s = Browser.open(Browser.options())) {
            Page page = s.page();
            page.navigate(base + "#map=17/" + spot[1] + "/" + spot[0]);
            waitForCount(page, ".camera-icon", 3);
            // one cone per camera: two wedges for the camera looking two ways, a disc for the dome
            assertEquals(3, page.locator("path.cone").count());
            assertEquals(2, ((Number) page.evaluate("document.querySelector('path.cone.kind-alpr').getAttribute('d').split('M').length - 1")).intValue());
            assertTrue(page.locator("#count").textContent().contains("3"), page.locator("#count").textContent());
            assertTrue(page.locator(".leaflet-control-attribution").textContent().contains("© OpenStreetMap contributors"));
            assertTrue(page.url().contains("#map=17/"), page.url());

            page.evaluate("location.hash = location.hash + '&kind=alpr'");
            waitForCount(page, ".camera-icon", 1);
            assertTrue(page.locator("#filter-kind-alpr").isChecked(), "the filter panel shows the URL's filter");
            page.goBack();
            waitForCount(page, ".camera-icon", 3);

            page.locator("#filters-toggle").click();
            page.locator("#filter-operatorType-public").check();
            waitForCount(page, ".camera-icon", 1);
            assertTrue(page.url().contains("operatorType=public"), page.url());

            assertOnlyThisServerWasAsked(s);
            assertEquals(List.of(), s.errors());
        }
    }

    @Test
    void zoomedOutItDrawsCountsPerCellNotThousandsOfMarkers() {
        double[] spot = Api.freshSpot();
        // 2,000 cameras packed in 3 km and 1,000 more spread over 20 km
        String insert = "INSERT INTO camera (position, field_of_view, range_m)"
                + " SELECT p, 60, 40 FROM (SELECT ST_SetSRID(ST_MakePoint(? + random() * ?,"
                + " ? + random() * ?), 4326) AS p FROM generate_series(1, ?)) AS s";
        sql.update(insert, spot[0] + 0.085, 0.03, spot[1] + 0.085, 0.03, 2000);
        sql.update(insert, spot[0], 0.2, spot[1], 0.2, 1000);

        try (Browser.Session s = Browser.open(Browser.options())) {
            Page page = s.page();
            page.navigate(base + "#map=10/" + (spot[1] + 0.1) + "/" + (spot[0] + 0.1));
            page.waitForSelector(".cluster-icon");
            page.waitForLoadState(LoadState.NETWORKIDLE);
            assertEquals(0, page.locator(".camera-icon").count());
            int cells = page.locator(".cluster-icon").count();
            assertTrue(cells > 1 && cells < 200, "cells drawn: " + cells);
            long shown = page.locator(".cluster-icon span").allTextContents().stream()
                    .mapToLong(text -> text.endsWith("k") ? (long) (Double.parseDouble(text.replace("k", "")) * 1000) : Long.parseLong(text))
                    .sum();
            assertTrue(shown >= 2900, "the counts add up to the cameras: " + shown);
            assertEquals("clusters", page.locator("#count").getAttribute("data-mode"));

            // even zoomed in, an area holding more than can be drawn stays counted
            page.evaluate("document.querySelector('#count').textContent = ''");
            page.evaluate("location.hash = '#map=14/" + (spot[1] + 0.1) + "/" + (spot[0] + 0.1) + "'");
            page.waitForFunction("() => document.querySelector('#count').textContent !== ''");
            assertTrue(page.locator(".cluster-icon").count() > 0);
            assertEquals(0, page.locator(".camera-icon").count());
            assertEquals(List.of(), s.errors());
        }
    }

    @Test
    void contributedTextIsShownLiterallyAndNeverRuns() {
        double[] spot = Api.freshSpot();
        String operator = "<img src=x onerror=\"window.__pwned=1\">";
        String notes = "<script>window.__pwned=2</script><b>gras</b>";
        long id = Api.create(spot[0], spot[1], Map.of("operator", operator, "notes", notes));

        try (Browser.Session s = Browser.open(Browser.options())) {
            Page page = s.page();
            page.navigate(base + "#map=18/" + spot[1] + "/" + spot[0]);
            page.locator("[data-camera-id='" + id + "']").click();
            page.waitForSelector("#sheet:not([hidden])");
            page.waitForSelector("#sheet dl.fields:not([aria-busy])"); // the notes come with the full camera
            String sheet = page.locator("#sheet").textContent();
            assertTrue(sheet.contains(operator), sheet);
            assertTrue(sheet.contains(notes), sheet);
            assertEquals(0, page.locator("#sheet img, #sheet script, #sheet b").count());
            assertEquals(0, page.locator(".leaflet-marker-pane img").count());
            assertNull(page.evaluate("window.__pwned"));
            assertTrue(s.requests().stream().noneMatch(url -> url.endsWith("/x")), "the <img> was never loaded");
            assertEquals(List.of(), s.errors());
        }
    }

    @Test
    void aPhoneSizedScreenshotIsWrittenForReview() {
        double[] spot = Api.freshSpot();
        for (int i = 0; i < 6; i++) {
            Api.create(spot[0] + 0.0004 * i, spot[1] + 0.0002 * (i % 3), Map.of("directions", List.of(40 * i),
                    "operatorType", i % 2 == 0 ? "public" : "private", "cameraType", i == 3 ? "dome" : "fixed"));
        }
        try (Browser.Session s = Browser.open(Browser.options().phone())) {
            Page page = s.page();
            page.navigate(base + "#map=17/" + spot[1] + "/" + (spot[0] + 0.001));
            waitForCount(page, ".camera-icon", 6);
            page.waitForLoadState(LoadState.NETWORKIDLE);
            Path map = Path.of("target", "screenshots", "map-360x640.png");
            page.screenshot(new Page.ScreenshotOptions().setPath(map));
            page.locator(".camera-icon").first().click();
            page.waitForSelector("#sheet:not([hidden])");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "sheet-360x640.png")));
            assertTrue(map.toFile().length() > 5000, "screenshot written: " + map.toAbsolutePath());
            assertEquals("fr", page.evaluate("document.documentElement.lang"));
            page.locator("#lang").click();
            assertEquals("en", page.evaluate("document.documentElement.lang"));
            assertEquals("Add a camera", page.locator("#add").getAttribute("aria-label"));

            // embedded in an article: the map only, with the credits and a link to the full map; nothing to edit
            // (the embed code itself comes from the city panel and the camera sheet: CityDossierJourneyTest)
            page.navigate(base + "?embed=1#map=17/" + spot[1] + "/" + (spot[0] + 0.001));
            waitForCount(page, ".camera-icon", 6);
            assertTrue(!page.locator("#add").isVisible() && page.locator(".embed-credits").isVisible());
            assertEquals(0, page.locator("textarea:visible").count(), "no empty text box");
            assertEquals(List.of(), s.errors());
        }
    }

    static void waitForCount(Page page, String selector, int count) {
        page.waitForFunction("([s, n]) => document.querySelectorAll(s).length === n", List.of(selector, count));
    }

    /** Privacy: the page asks nothing of a third party, the map's tiles included (they come through /basemap). */
    private void assertOnlyThisServerWasAsked(Browser.Session s) {
        String origin = base.toString().replaceAll("/$", "");
        List<String> foreign = s.requests().stream()
                .filter(url -> !url.startsWith(origin + "/") && !url.startsWith("data:"))
                .toList();
        assertEquals(List.of(), foreign);
        assertTrue(s.requests().stream().anyMatch(url -> url.startsWith(origin + "/basemap/")), "tiles were drawn");
    }
}
