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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leaflet comes through index.html's import map ("leaflet" → the webjar's module build), an inline
 * script the Content-Security-Policy allows by its hash alone: on a phone the map and the embeddable
 * map draw with no policy violation, and any other inline script is still refused.
 */
@QuarkusTest
class LeafletImportMapTest {

    /** Records every violation the page reports, from before its first script runs. */
    private static final String RECORD_VIOLATIONS = "window.__violations = [];"
            + " document.addEventListener('securitypolicyviolation', (e) => window.__violations.push("
            + "e.violatedDirective + ' ' + (e.blockedURI || 'inline')));";

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void theMapDrawsOnAPhoneWithLeafletFromTheImportMapAndNoPolicyViolation() {
        double[] spot = Api.freshSpot();
        Api.create(spot[0], spot[1], Map.of("directions", List.of(90)));

        try (Browser.Session s = Browser.open(Browser.options().phone())) {
            s.context().addInitScript(RECORD_VIOLATIONS);
            Page page = s.page();
            page.navigate(base + "#map=17/" + spot[1] + "/" + spot[0]);
            page.waitForSelector(".camera-icon");
            page.waitForSelector(".leaflet-tile-loaded");
            assertEquals(1, page.locator("path.cone").count(), "Leaflet drew the camera's cone");
            assertEquals(List.of(), page.evaluate("window.__violations"));
            assertEquals(List.of(), s.errors());
            assertTrue(s.requests().stream().anyMatch(u -> u.endsWith("/webjars/leaflet/dist/leaflet-src.esm.js")), s.requests().toString());
            assertFalse(s.requests().stream().anyMatch(u -> u.contains("/webjars/leaflet/dist/leaflet.js")),
                    "the UMD build (window.L) is never loaded");
            assertEquals(false, page.evaluate("'L' in window"), "no global L");
            // a panel loaded later (the moderation panel's mini-map) resolves the same specifier
            assertEquals("function", page.evaluate("async () => typeof (await import('leaflet')).map"));
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/map-import-map-360x640.png")));

            // the hash allows the import map only: an inline script added now is refused, and reported
            page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1';"
                    + " document.head.append(s); }");
            page.waitForFunction("() => window.__violations.length > 0");
            assertEquals(false, page.evaluate("'__ran' in window"), "an inline script other than the import map never runs");
            assertTrue(((List<?>) page.evaluate("window.__violations")).get(0).toString().startsWith("script-src"),
                    page.evaluate("window.__violations").toString());
        }
    }

    @Test
    void theEmbeddableMapDrawsWithNoPolicyViolation() {
        double[] spot = Api.freshSpot();
        Api.create(spot[0], spot[1], Map.of());

        try (Browser.Session s = Browser.open(Browser.options().phone())) {
            s.context().addInitScript(RECORD_VIOLATIONS);
            Page page = s.page();
            page.navigate(base + "?embed=1#map=17/" + spot[1] + "/" + spot[0]);
            page.waitForSelector(".camera-icon");
            assertEquals(List.of(), page.evaluate("window.__violations"));
            assertEquals(List.of(), s.errors());
        }
    }
}
