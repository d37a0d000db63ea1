package org.vigie.web;

import com.microsoft.playwright.Page;
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

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Confirming and reporting from the camera sheet, in a real Chromium on a phone-sized screen. */
@QuarkusTest
class TrustSheetTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void aVolunteerConfirmsOnceThenReportsWithAReason() {
        Accounts.TestAccount passerBy = Accounts.fresh(Role.VOLUNTEER);
        try (CameraSheetOnPhone sheet = CameraSheetOnPhone.open(base, Map.of("cameraType", "dome"), passerBy)) {
            Browser.Session s = sheet.session();
            Page page = s.page();
            long id = sheet.id();
            page.waitForSelector("#sheet:not([hidden])");

            page.locator("#sheet button:has-text('Je la vois toujours')").click();
            page.waitForSelector("#messages :text('votre confirmation est enregistrée')");
            page.locator("#sheet button:has-text('Je la vois toujours')").click();
            page.waitForSelector("#messages :text('Déjà confirmée par vous')");
            assertEquals(1, sql.count("SELECT confirmations FROM camera WHERE id = ?", id));

            page.locator("#sheet select.report-reason").selectOption("wrong_position");
            page.locator("#sheet button:has-text('Signaler')").click();
            page.waitForSelector("#messages :text('votre signalement est enregistré')");
            assertEquals(1, sql.count("SELECT count(*) FROM camera_report WHERE camera_id = ? AND reason = 'wrong_position'"
                    + " AND account_id = ?", id, passerBy.id()));
            assertEquals("disputed", sql.text("SELECT status FROM camera WHERE id = ?", id));
            assertEquals(List.of(), s.errors());
        }
    }
}
