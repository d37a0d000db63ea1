package org.vigie.web;

import com.microsoft.playwright.Page;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Browser;

import java.net.URL;
import java.util.Map;

/**
 * The start of the camera sheet's journeys on a phone (OfflinePhotoTest, TrustSheetTest): a camera
 * added at a fresh spot, the map opened on it by a logged-in account, its marker tapped. The sheet
 * is opening; each test waits for what it needs of it.
 */
record CameraSheetOnPhone(long id, Browser.Session session) implements AutoCloseable {

    static CameraSheetOnPhone open(URL base, Map<String, ?> camera, Accounts.TestAccount who) {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], camera);
        Browser.Session session = Browser.open(Browser.options().phone()).logIn(who);
        try {
            session.page().navigate(base + "#map=18/" + spot[1] + "/" + spot[0]);
            session.page().locator("[data-camera-id='" + id + "']").click();
            return new CameraSheetOnPhone(id, session);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    Page page() {
        return session.page();
    }

    @Override
    public void close() {
        session.close();
    }
}
