package org.vigie.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Browser;
import org.vigie.support.Sql;
import org.vigie.support.TestImages;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A photo taken without network waits on the phone (IndexedDB, its limit stated) and is sent once when the network is back. */
@QuarkusTest
class OfflinePhotoTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void aPhotoTakenOfflineWaitsOnThePhoneAndIsSentOnceBackOnline() {
        try (CameraSheetOnPhone sheet = CameraSheetOnPhone.open(base, Map.of("cameraType", "dome"), Accounts.established(Role.VOLUNTEER))) {
            Browser.Session s = sheet.session();
            Page page = s.page();
            long id = sheet.id();
            page.waitForFunction("() => document.querySelector('#sheet .photo-status').textContent !== ''");

            s.context().setOffline(true);
            page.locator("#photo-input").setInputFiles(new FilePayload("IMG_0043.jpg", "image/jpeg", TestImages.phoneJpeg(800, 600, 1)));
            page.waitForFunction("() => document.querySelector('#sheet .photo-status').textContent.includes('50 Mo')");
            page.waitForFunction("() => document.querySelector('#pending').textContent.startsWith('1 ')");
            assertEquals(0, sql.count("SELECT count(*) FROM photo WHERE camera_id = ?", id));
            assertEquals(1L, ((Number) page.evaluate("() => new Promise((ok) => { const r = indexedDB.open('vigie-photos');"
                    + " r.onsuccess = () => { const q = r.result.transaction('photos').objectStore('photos').count();"
                    + " q.onsuccess = () => { r.result.close(); ok(q.result); }; }; })")).longValue(), "the image waits in IndexedDB");

            s.context().setOffline(false);
            page.waitForSelector("#pending", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
            assertEquals(1, sql.count("SELECT count(*) FROM photo WHERE camera_id = ?", id));
            assertEquals(0L, ((Number) page.evaluate("() => new Promise((ok) => { const r = indexedDB.open('vigie-photos');"
                    + " r.onsuccess = () => { const q = r.result.transaction('photos').objectStore('photos').count();"
                    + " q.onsuccess = () => { r.result.close(); ok(q.result); }; }; })")).longValue(), "sent, the image leaves the phone");
            s.errors().removeIf(e -> e.contains("ERR_INTERNET_DISCONNECTED"));
            assertTrue(s.errors().isEmpty(), s.errors().toString());
            assertEquals(List.of(), s.errors());
        }
    }
}
