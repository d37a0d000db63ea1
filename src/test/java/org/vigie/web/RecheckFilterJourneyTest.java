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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A volunteer on a phone finds the cameras to re-check around them: "to re-check" in the filters
 * leaves on the map only the cameras nobody confirmed for long, zoomed in and zoomed out, keeps the
 * choice in the URL, and the export link of the view carries it (issue 15, journeys "A volunteer in
 * the street" 1 and "A journalist" 2).
 */
@QuarkusTest
class RecheckFilterJourneyTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void theFiltersLeaveTheCamerasToRecheckOnTheMapAndInTheExport() {
        double[] spot = Api.freshSpot();
        long old1 = Api.create(spot[0], spot[1], Map.of());
        long old2 = Api.create(spot[0] + 0.0006, spot[1] + 0.0003, Map.of());
        Api.create(spot[0] - 0.0005, spot[1], Map.of());
        Api.create(spot[0], spot[1] - 0.0004, Map.of());
        sql.update("UPDATE camera SET created_at = now() - interval '3 years' WHERE id IN (?, ?)", old1, old2);

        try (Browser.Session s = Browser.open(Browser.options().phone())) {
            Page page = s.page();
            page.navigate(base + "#map=17/" + spot[1] + "/" + spot[0]);
            page.waitForFunction("() => document.querySelectorAll('.camera-icon').length === 4");

            page.locator("#filters-toggle").click();
            page.locator("#filter-toRecheck").check();
            page.waitForFunction("() => document.querySelectorAll('.camera-icon').length === 2");
            assertEquals(List.of(String.valueOf(old1), String.valueOf(old2)).stream().sorted().toList(),
                    page.locator(".camera-icon").all().stream().map(m -> m.getAttribute("data-camera-id")).sorted().toList());
            assertTrue(page.url().contains("toRecheck=true"), page.url());
            assertEquals("2 caméra(s) dans la vue", page.locator("#count").textContent());
            assertTrue(page.locator("label[for=filter-toRecheck]").textContent().contains("revérifier"));
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "recheck-filter-360x640.png")));

            // the export of the view: what a journalist downloads holds the same two cameras
            // the link computes its address when clicked; the download itself is left out
            String href = (String) page.evaluate("() => { const a = document.querySelector('#filters .exports a');"
                    + " a.addEventListener('click', (e) => e.preventDefault(), { once: true });"
                    + " a.dispatchEvent(new MouseEvent('click', { cancelable: true })); return a.getAttribute('href'); }");
            assertTrue(href.contains("toRecheck=true"), href);
            Object exported = page.evaluate("(href) => fetch(href.replace('format=csv', 'format=geojson')).then((r) => r.json())"
                    + ".then((c) => c.features.map((f) => f.id).sort())", href);
            assertEquals(List.of(old1, old2).stream().sorted().map(Long::intValue).toList(), exported);

            // zoomed out, the counts are those of the cameras to re-check; the link kept opens the filter ticked
            page.navigate(base + "#map=11/" + spot[1] + "/" + spot[0] + "&toRecheck=true");
            page.reload();
            page.waitForFunction("() => document.querySelector('#count').dataset.mode === 'clusters'");
            assertTrue(page.locator("#count").textContent().startsWith("2 caméra(s)"), page.locator("#count").textContent());
            page.locator("#filters-toggle").click();
            assertTrue(page.locator("#filter-toRecheck").isChecked());
            page.locator("#filter-toRecheck").uncheck();
            page.waitForFunction("() => document.querySelector('#count').textContent.startsWith('4 caméra(s)')");
            assertTrue(!page.url().contains("toRecheck"), page.url());
            assertEquals(List.of(), s.errors());
        }
    }
}
