package org.vigie.web;

import com.microsoft.playwright.Page;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17, journey "A journalist" 2 on a phone: in the filters' "Dates et panneaux" part, the
 * cameras first seen before 2015, then only those whose sign does not name the operator; the count
 * follows each choice, the address keeps both, and the export link of the view carries them. A link
 * giving a year shows it as the day the server reads.
 */
@QuarkusTest
class WatchFilterJourneyTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    private static long camera(double lon, double lat, String firstSeen, String names) {
        Map<String, Object> p = new HashMap<>(Map.of("operatorType", "public", "filmedArea", "public", "firstSeen", firstSeen));
        if (names != null) {
            p.putAll(Map.of("signage", "present", "signNamesOperator", names, "signGivesContact", "unknown"));
        }
        return Api.create(lon, lat, p);
    }

    @Test
    void aJournalistKeepsTheCamerasFirstSeenBefore2015WhoseSignDoesNotNameTheOperator() {
        double[] spot = Api.freshSpot();
        long old = camera(spot[0], spot[1], "2012-03-01", "no");
        camera(spot[0] + 0.0005, spot[1], "2014-06-01", "yes");
        camera(spot[0] - 0.0005, spot[1], "2016-01-01", "no");
        camera(spot[0], spot[1] + 0.0003, "2021-09-09", null);
        long undated = camera(spot[0], spot[1] - 0.0003, "2013-01-01", "no");
        sql.update("UPDATE camera SET first_seen = NULL WHERE id = ?", undated); // as an import no source dates

        try (Browser.Session s = Browser.open(Browser.options().phone())) {
            Page page = s.page();
            page.navigate(base + "#map=17/" + spot[1] + "/" + spot[0]);
            page.waitForFunction("() => document.querySelectorAll('.camera-icon').length === 5");
            assertEquals("5 caméra(s) dans la vue", page.locator("#count").textContent());

            page.locator("#filters-toggle").click();
            page.locator("#filters-watch summary").click();
            assertEquals("Dates et panneaux (veille citoyenne)", page.locator("#filters-watch summary").textContent());
            page.locator("#filter-firstSeenTo").fill("2014-12-31");
            page.waitForFunction("() => document.querySelector('#count').textContent.startsWith('2 caméra(s)')");
            assertTrue(page.url().contains("firstSeenTo=2014-12-31"), page.url());

            page.locator("#filter-signNamesOperator-no").check();
            page.waitForFunction("() => document.querySelector('#count').textContent.startsWith('1 caméra(s)')");
            assertEquals(List.of(String.valueOf(old)), page.locator(".camera-icon").all().stream()
                    .map(m -> m.getAttribute("data-camera-id")).toList());
            assertTrue(page.url().contains("signNamesOperator=no"), page.url());
            assertTrue(page.locator("label[for=filter-signNamesOperator-no]").textContent().contains("non"));
            page.locator("#filters-watch").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "watch-filters-360x640.png")));
            // the panel closed, the map and its count: one camera left
            page.locator("#filters-toggle").click();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "watch-filters-count-360x640.png")));
            page.locator("#filters-toggle").click();

            // a start after the end is said at once, not sent for the server to refuse
            page.locator("#filter-firstSeenFrom").fill("2016-01-01");
            Object state = page.evaluate("() => { const i = document.querySelector('#filter-firstSeenFrom');"
                    + " return [i.value, i.max, i.validationMessage, String(i.validity.valid)].join(' | '); }");
            assertTrue(String.valueOf(state).endsWith("| false"), String.valueOf(state));
            assertTrue(!page.url().contains("firstSeenFrom"), page.url());
            assertTrue(page.locator("#count").textContent().startsWith("1 caméra(s)"), page.locator("#count").textContent());
            page.locator("#filter-firstSeenFrom").fill("");

            // the export of the view carries both filters
            String href = (String) page.evaluate("() => { const a = document.querySelector('#filters .exports a');"
                    + " a.addEventListener('click', (e) => e.preventDefault(), { once: true });"
                    + " a.dispatchEvent(new MouseEvent('click', { cancelable: true })); return a.getAttribute('href'); }");
            assertTrue(href.contains("firstSeenTo=2014-12-31") && href.contains("signNamesOperator=no"), href);
            Object exported = page.evaluate("(href) => fetch(href.replace('format=csv', 'format=geojson')).then((r) => r.json())"
                    + ".then((c) => c.features.map((f) => f.id))", href);
            assertEquals(List.of((int) old), exported);

            // a link giving a year: the field shows the year's last day, the map the same two cameras
            page.navigate(base + "#map=17/" + spot[1] + "/" + spot[0] + "&firstSeenTo=2014");
            page.reload();
            page.waitForFunction("() => document.querySelector('#count').textContent.startsWith('2 caméra(s)')");
            page.locator("#filters-toggle").click();
            assertTrue((Boolean) page.evaluate("() => document.querySelector('#filters-watch').open"), "opened: a filter of it is on");
            assertEquals("2014-12-31", page.locator("#filter-firstSeenTo").inputValue());
            page.locator("#filter-firstSeenTo").fill("");
            page.waitForFunction("() => document.querySelector('#count').textContent.startsWith('5 caméra(s)')");
            assertTrue(!page.url().contains("firstSeen"), page.url());

            // at a desk, the same part of the panel beside the map
            page.setViewportSize(1280, 800);
            page.locator("#filter-signNamesOperator-yes").check();
            page.waitForFunction("() => document.querySelector('#count').textContent.startsWith('1 caméra(s)')");
            page.locator("#filters-watch").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "watch-filters-1280x800.png")));
            assertEquals(List.of(), s.errors());
        }
    }
}
