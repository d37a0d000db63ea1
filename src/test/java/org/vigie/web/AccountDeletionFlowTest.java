package org.vigie.web;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.support.Accounts;
import org.vigie.support.Accounts.TestAccount;
import org.vigie.support.Api;
import org.vigie.support.Browser;
import org.vigie.support.Secrets;
import org.vigie.support.Sql;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A volunteer deletes their account from the account panel, on a phone; a wrong password keeps it. */
@QuarkusTest
class AccountDeletionFlowTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void aVolunteerDeletesTheirAccountWithTheirPassword() {
        TestAccount holder = Accounts.established(Role.VOLUNTEER);
        try (Browser.Session s = Browser.open(Browser.options().phone()).logIn(holder)) {
            Page page = s.page();
            page.navigate(base.toString());
            page.waitForSelector("body[data-ready]");
            page.locator("#account").click();
            // one's own page, as others see it
            assertTrue(page.locator("#my-contributions").getAttribute("href").contains("account=" + holder.username()));
            page.locator("#delete-account").click();
            page.waitForSelector("#delete-account-form");
            assertTrue(page.locator("#account-panel").textContent().contains("restent sur la carte"));
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "account-deletion-360x640.png")));

            page.locator("#delete-account-form input[name=password]").fill(Secrets.password("not this one at all"));
            page.locator("#delete-account-form button[type=submit]").click();
            page.waitForFunction("() => document.querySelector('#account-panel .status').textContent.includes('Mot de passe erroné')");
            assertEquals(holder.username(), page.locator("#account").textContent(), "a wrong password keeps the session");

            page.locator("#delete-account-form input[name=password]").fill(Accounts.PASSWORD);
            page.locator("#delete-account-form button[type=submit]").click();
            page.waitForSelector("#messages :text('Compte supprimé')");
            page.waitForSelector("#account-form"); // the panel offers to log in again
            assertEquals("Compte", page.locator("#account").textContent());
            assertEquals(null, page.evaluate("() => localStorage.getItem('vigie.session')"));
            s.errors().removeIf(e -> e.contains("basemap") || e.contains("tile") || e.contains("403"));
            assertEquals(List.of(), s.errors());
        }
        assertEquals("deleted-" + holder.id(), sql.text("SELECT username FROM account WHERE id = ?", holder.id()));
    }
}
