package org.vigie.web;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;
import org.vigie.support.Browser;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The map draws its markers from the slim answer (view=map); the camera's sheet shows every field,
 * those only the full answer carries included, and editing starts from the full camera.
 */
@QuarkusTest
class CameraSheetTest {

    private static final String NOTES = "Sur le mât nord, derrière le platane";

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void theSheetShowsWhatOnlyTheFullCameraHasAndEditsIt() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("cameraType", "dome", "mount", "pole", "height", 4.5,
                "notes", NOTES, "operator", "Ville de Test"));
        try (Browser.Session s = Browser.open(Browser.options().phone())) {
            Page page = s.page();
            page.navigate(base + "#map=18/" + spot[1] + "/" + spot[0]);
            page.locator("[data-camera-id='" + id + "']").click();
            page.waitForSelector("#sheet:not([hidden])");
            page.waitForSelector("#sheet dd:has-text('" + NOTES + "')");
            assertTrue(page.locator("#sheet dl.fields").textContent().contains("4.5 m"), "the height, from the full camera");

            assertTrue(s.requests().stream().anyMatch(u -> u.contains("/api/cameras?") && u.contains("view=map")),
                    "the markers come from the map's view: " + s.requests());
            assertTrue(s.requests().stream().noneMatch(u -> u.contains("/api/cameras?") && !u.contains("view=map")),
                    "no full list: " + s.requests());
            assertTrue(s.requests().stream().anyMatch(u -> u.endsWith("/api/cameras/" + id)), "the sheet loads the full camera");

            // An open sheet follows a change of language, then back.
            page.locator("#lang").click();
            page.waitForSelector("#sheet button:has-text('It is still there')");
            page.waitForSelector("#sheet dd:has-text('" + NOTES + "')");
            page.locator("#lang").click();
            page.waitForSelector("#sheet button:has-text('Je la vois toujours')");

            page.locator("#sheet button:has-text('Modifier')").click();
            page.waitForSelector("#cam-notes");
            assertEquals(NOTES, page.locator("#cam-notes").inputValue(), "the form starts from the full camera");
            assertEquals("pole", page.locator("#cam-mount").inputValue());
            assertEquals(List.of(), s.errors());
        }
    }
}
