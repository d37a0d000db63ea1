package org.vigie.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Browser;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first view's counts are asked by a classic script while the map's modules load
 * (js/first-view.js), and the map takes that answer instead of asking again: the script must compute
 * the very box Leaflet will, on a desktop and a phone, zoomed in or showing the whole world. With a
 * filter in the URL it stands aside and the map asks as usual.
 */
@QuarkusTest
class FirstViewTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void theMapUsesTheCountsAskedBeforeItsModulesRanOnADesktopAndAPhone() {
        // the service worker allowed, as for a visitor: it must add no request before the first view
        for (Browser.Options options : List.of(Browser.options().serviceWorker(), Browser.options().phone().serviceWorker())) {
            for (String hash : List.of("#map=16/48.85700/2.35000", "#map=2/30/0", "#map=11/-33.8688/151.2093", "")) {
                try (Browser.Session s = Browser.open(options)) {
                    Page page = s.page();
                    page.navigate(base + hash);
                    waitForCounts(page);
                    List<String> asked = clustersRequests(s);
                    assertEquals(1, asked.size(), hash + ": the map asked once, with the early answer: " + asked);
                    assertEquals(Boolean.TRUE, page.evaluate("() => window.vigieFirstView === null"),
                            hash + ": there was an early answer, and the map's first request took it: " + asked);
                    assertTrue((Boolean) page.evaluate("() => { const r = performance.getEntriesByType('resource')"
                            + ".find((e) => e.name.includes('/api/cameras/clusters'));"
                            + " return r.startTime < performance.getEntriesByType('navigation')[0].domInteractive; }"),
                            hash + ": asked while the page was still being read, before any module ran");
                    assertEquals(List.of(), s.errors());
                }
            }
        }
    }

    @Test
    void inEnglishAndLoggedInOnAPhoneTooWhereTheToolbarChangesAfterTheScriptRan() {
        // main.js translates the toolbar and writes the pseudonym into it after first-view.js measured
        // the map: if the toolbar wrapped onto another line, the box would differ and the map ask again
        Accounts.TestAccount volunteer = Accounts.volunteer();
        for (String locale : List.of("en-US", "fr-FR")) {
            try (Browser.Session s = Browser.open(Browser.options().phone().locale(locale)).logIn(volunteer)) {
                Page page = s.page();
                page.navigate(base + "#map=15/45.76400/4.83570");
                waitForCounts(page);
                assertTrue(page.locator("#account").textContent().contains(volunteer.username()));
                List<String> asked = clustersRequests(s);
                assertEquals(1, asked.size(), locale + ": the map asked once, with the early answer: " + asked);
                assertEquals(List.of(), s.errors());
            }
        }
    }

    @Test
    void withAFilterInTheUrlTheMapAsksItself() {
        try (Browser.Session s = Browser.open(Browser.options())) {
            Page page = s.page();
            page.navigate(base + "#map=14/48.85700/2.35000&kind=alpr");
            waitForCounts(page);
            List<String> asked = clustersRequests(s);
            assertEquals(1, asked.size(), asked.toString());
            assertTrue(asked.get(0).contains("kind=alpr"), asked.toString());
            assertEquals(Boolean.TRUE, page.evaluate("() => window.vigieFirstView === undefined"));
            assertEquals(List.of(), s.errors());
        }
    }

    /** The counts are shown, then the network is quiet for 500 ms: longer than the map's 250 ms wait after a move, so a second request would be seen. */
    private static void waitForCounts(Page page) {
        page.waitForFunction("() => document.getElementById('count').dataset.mode");
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    private static List<String> clustersRequests(Browser.Session s) {
        return s.requests().stream().filter(url -> url.contains("/api/cameras/clusters")).toList();
    }
}
