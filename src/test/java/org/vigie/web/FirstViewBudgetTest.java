package org.vigie.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;
import org.vigie.support.Browser;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first view of a city stays under 300 KB on the wire (tiles aside), on a phone and a desktop;
 * and the service worker, once installed, adds no request before the first map draw: a second visit
 * asks the first view's counts once, as the first did.
 */
@QuarkusTest
class FirstViewBudgetTest {

    static final long BUDGET_BYTES = 300_000;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void theFirstViewWeighsLessThan300KilobytesTilesAside() {
        for (Browser.Options options : List.of(Browser.options().serviceWorker(), Browser.options().phone().serviceWorker())) {
            try (Browser.Session s = Browser.open(options)) {
                Page page = s.page();
                page.navigate(base + "#map=15/45.76400/4.83570");
                page.waitForFunction("() => document.getElementById('count').dataset.mode");
                page.waitForLoadState(LoadState.NETWORKIDLE);
                long bytes = ((Number) page.evaluate("() => performance.getEntriesByType('navigation')[0].transferSize"
                        + " + performance.getEntriesByType('resource').filter((e) => !e.name.includes('/basemap/'))"
                        + ".reduce((sum, e) => sum + e.transferSize, 0)")).longValue();
                assertTrue(bytes > 10_000, "the sizes are measured: " + bytes);
                assertTrue(bytes < BUDGET_BYTES, "the first view took " + bytes + " bytes on the wire");
            }
        }
    }

    @Test
    void onASecondVisitTheServiceWorkerAddsNoRequestBeforeTheFirstDraw() {
        try (Browser.Session s = Browser.open(Browser.options().phone().serviceWorker())) {
            Page page = s.page();
            page.navigate(base + "#map=15/45.76400/4.83570");
            page.waitForFunction("() => navigator.serviceWorker.controller !== null");
            page.waitForLoadState(LoadState.NETWORKIDLE);
            s.requests().clear();
            page.reload();
            page.waitForFunction("() => document.getElementById('count').dataset.mode");
            page.waitForLoadState(LoadState.NETWORKIDLE);
            List<String> counts = s.requests().stream().filter(url -> url.contains("/api/cameras/clusters")).toList();
            assertEquals(1, counts.size(), "the first view's counts asked once: " + counts);
            assertEquals(Boolean.TRUE, page.evaluate("() => window.vigieFirstView === null"), "and taken from the early request");
            assertEquals(List.of(), s.errors());
        }
    }
}
