package org.vigie.web;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;
import org.vigie.support.Browser;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How much a visitor's device keeps for offline use is the instance's setting, served by GET
 * /api/config ({@code offline}): the service worker keeps no more map areas and tiles than it says,
 * the newest kept, and registers under its plain URL. The database is kept across the restart this
 * profile makes (the test classes share it).
 */
@QuarkusTest
@TestProfile(OfflineLimitsTest.SmallDevice.class)
class OfflineLimitsTest {

    static final int AREAS = 4;
    static final int TILES = 6;

    public static class SmallDevice implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigie.map.offline-areas", String.valueOf(AREAS), "vigie.map.offline-tiles", String.valueOf(TILES),
                    "quarkus.flyway.clean-at-start", "false");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void theSettingsSayHowMuchTheDeviceKeeps() {
        given().get("/api/config").then().statusCode(200)
                .body("offline.areas", equalTo(AREAS)).body("offline.tiles", equalTo(TILES));
    }

    @Test
    void theServiceWorkerKeepsNoMoreAreasAndTilesThanTheInstanceSays() {
        double[] spot = Api.freshSpot();
        Api.create(spot[0], spot[1], Map.of());
        try (Browser.Session s = Browser.open(Browser.options().phone().serviceWorker())) {
            Page page = s.page();
            page.navigate(base + "#map=17/" + spot[1] + "/" + spot[0]);
            page.waitForSelector("body[data-ready]");
            page.waitForFunction("() => navigator.serviceWorker.controller !== null");
            assertEquals("/sw.js", page.evaluate("() => new URL(navigator.serviceWorker.controller.scriptURL).pathname"
                    + " + new URL(navigator.serviceWorker.controller.scriptURL).search"));
            // six more views, each with its own counts, cameras and tiles
            for (int i = 1; i <= 6; i++) {
                page.evaluate("(hash) => { location.hash = hash; }", "#map=17/" + spot[1] + "/" + (spot[0] + i * 0.01));
                page.waitForFunction("(n) => performance.getEntriesByType('resource')"
                        + ".filter((e) => e.name.includes('/api/cameras?')).length > n", i);
            }
            // the worker keeps what passes through it a moment after answering
            page.waitForFunction("() => caches.open('vigie-tiles').then((c) => c.keys()).then((k) => k.length === " + TILES + ")");
            page.waitForTimeout(1000);
            long tiles = ((Number) page.evaluate("() => caches.open('vigie-tiles').then((c) => c.keys()).then((k) => k.length)")).longValue();
            long areas = ((Number) page.evaluate("() => caches.open('vigie-data').then((c) => c.keys()).then((k) => k.length)")).longValue();
            assertEquals(TILES, tiles, "tiles kept");
            assertTrue(areas >= 1 && areas <= AREAS, areas + " areas kept, at most " + AREAS);
            // the newest view's cameras are among those kept
            Object newest = page.evaluate("() => { const asked = performance.getEntriesByType('resource')"
                    + ".filter((e) => e.name.includes('/api/cameras?')).map((e) => e.name);"
                    + " return caches.open('vigie-data').then((c) => c.keys()).then((k) => k.some((r) => r.url === asked[asked.length - 1])); }");
            assertEquals(Boolean.TRUE, newest, "the last view is kept");
            assertEquals(List.of(), s.errors());
        }
    }
}
