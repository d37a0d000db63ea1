package org.vigie.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Browser;
import org.vigie.support.Sql;
import org.vigie.support.TestImages;

import java.net.URL;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Photos in the camera sheet, in a real Chromium: adding one from the phone, and what an anonymous visitor is told. */
@QuarkusTest
class PhotoSheetTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @BeforeEach
    void accountsOfTheTestIdentities() {
        Accounts.ensureTestSecurityUsers();
    }

    @Test
    @TestSecurity(user = "ana", roles = "volunteer")
    void aVolunteerAddsAPhotoFromThePhoneAndSeesItsThumbnail() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("cameraType", "dome"));
        // logged in as ana in the page too: the photo route checks the token before the body (PhotoUploadGate)
        try (Browser.Session s = Browser.open(Browser.options().phone()).logIn(Accounts.testSecurityUser("ana"))) {
            Page page = s.page();
            page.navigate(base + "#map=18/" + spot[1] + "/" + spot[0]);
            page.locator("[data-camera-id='" + id + "']").click();
            page.waitForSelector("#sheet:not([hidden])");
            page.waitForFunction("() => document.querySelector('#sheet .photo-status').textContent !== ''");
            assertEquals("image/*", page.locator("#photo-input").getAttribute("accept"));
            assertEquals("environment", page.locator("#photo-input").getAttribute("capture"));

            page.locator("#photo-input").setInputFiles(new FilePayload("IMG_0042.jpg", "image/jpeg",
                    TestImages.phoneJpeg(1200, 900, 6)));
            page.waitForSelector("#sheet img.photo-thumbnail");
            page.waitForFunction("() => document.querySelector('#sheet img.photo-thumbnail').naturalWidth > 0");
            // The thumbnail has no JFIF segment: Chromium reads its components as YCbCr, as written, so the
            // colours come out right (upright: the blue quarter at the top right, red at the bottom left).
            String[] colours = ((String) page.evaluate("() => { const img = document.querySelector('#sheet img.photo-thumbnail');"
                    + " const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = img.naturalHeight;"
                    + " const g = c.getContext('2d'); g.drawImage(img, 0, 0);"
                    + " const at = (x, y) => Array.from(g.getImageData(x, y, 1, 1).data.slice(0, 3)).join(',');"
                    + " return at(c.width - 10, 10) + ' ' + at(10, c.height - 10); }")).split(" ");
            int[] topRight = Arrays.stream(colours[0].split(",")).mapToInt(Integer::parseInt).toArray();
            int[] bottomLeft = Arrays.stream(colours[1].split(",")).mapToInt(Integer::parseInt).toArray();
            assertTrue(topRight[2] > 200 && topRight[0] < 60, "blue expected at the top right: " + colours[0]);
            assertTrue(bottomLeft[0] > 150 && bottomLeft[2] < 100, "red expected at the bottom left: " + colours[1]);
            assertTrue(page.locator("#sheet .photo-status").textContent().contains("Photo ajoutée"));
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "sheet-photo-360x640.png")));
            // turned upright from the EXIF orientation: the stored photo stands in portrait
            assertEquals(1, sql.count("SELECT count(*) FROM photo WHERE camera_id = ? AND uploaded_by = 'ana'"
                    + " AND width = 900 AND height = 1200", id));

            String origin = base.toString().replaceAll("/$", "");
            assertEquals(List.of(), s.requests().stream().filter(u -> !u.startsWith(origin + "/") && !u.startsWith("data:")).toList());
            assertEquals(List.of(), s.errors());
        }
    }

    @Test
    void anAnonymousVisitorSeesPhotosAndIsAskedToLogInToAddOne() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("cameraType", "dome"));
        try (Browser.Session s = Browser.open(Browser.options().phone())) {
            Page page = s.page();
            page.navigate(base + "#map=18/" + spot[1] + "/" + spot[0]);
            page.locator("[data-camera-id='" + id + "']").click();
            page.waitForSelector("#sheet:not([hidden])");
            page.waitForFunction("() => document.querySelector('#sheet .photo-status').textContent.includes('Pas encore de photo')");
            page.locator("#photo-input").setInputFiles(new FilePayload("a.png", "image/png", TestImages.png(200, 100)));
            page.waitForFunction("() => document.querySelector('#sheet .photo-status').textContent.includes('Connectez-vous pour ajouter une photo')");
            assertEquals(0, sql.count("SELECT count(*) FROM photo WHERE camera_id = ?", id));
            // the 401 shows in the console as a failed resource load; nothing else went wrong
            assertTrue(s.errors().stream().allMatch(e -> e.contains("401")), s.errors().toString());
        }
    }
}
