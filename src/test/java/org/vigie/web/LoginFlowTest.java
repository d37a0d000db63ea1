package org.vigie.web;

import com.microsoft.playwright.Page;
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
import org.vigie.support.Secrets;
import org.vigie.support.Sql;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A volunteer who is not logged in adds a camera on a phone: the addition is kept, the login panel
 * asks for an account, and once logged in through the UI the addition is sent as theirs.
 */
@QuarkusTest
class LoginFlowTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void anAdditionWithoutAccountWaitsForTheLoginThenGoesAsTheVolunteers() {
        Accounts.TestAccount volunteer = Accounts.fresh(Role.VOLUNTEER);
        double[] spot = Api.freshSpot();
        String operator = "Avant connexion " + System.nanoTime();
        try (Browser.Session s = Browser.open(Browser.options().phone())) {
            Page page = s.page();
            page.navigate(base + "#map=18/" + spot[1] + "/" + spot[0]);
            page.waitForSelector("body[data-ready]");
            assertEquals("Compte", page.locator("#account").textContent());
            page.locator("#add").click();
            page.locator("#cam-operator").fill(operator);
            page.locator("button[type=submit][form=camera-form]").click();

            page.waitForSelector("#account-panel:not([hidden])");
            assertTrue(page.locator("#account-panel .status").textContent().contains("gardée"),
                    page.locator("#account-panel .status").textContent());
            assertTrue(page.locator("#pending").textContent().contains("connexion"), page.locator("#pending").textContent());
            assertEquals(0, sql.count("SELECT count(*) FROM camera WHERE operator = ?", operator));

            page.locator("#account-form input[name=username]").fill(volunteer.username());
            page.locator("#account-form input[name=password]").fill(Secrets.password("not the password"));
            page.locator("#account-form button[type=submit]").click();
            page.waitForFunction("() => document.querySelector('#account-panel .status').textContent.includes('incorrect')");

            page.locator("#account-form input[name=password]").fill(Accounts.PASSWORD);
            page.locator("#account-form button[type=submit]").click();
            page.waitForSelector("#pending", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
            assertEquals(1, sql.count("SELECT count(*) FROM camera WHERE operator = ? AND created_by = ?", operator, volunteer.id()));
            assertEquals(volunteer.username(), page.locator("#account").textContent());

            page.locator("#account").click();
            page.locator("#logout").click();
            page.waitForFunction("() => document.querySelector('#account').textContent === 'Compte'");
            assertEquals(0, sql.count("SELECT count(*) FROM account_token WHERE account_id = ? AND revoked_at IS NULL"
                    + " AND created_at > now() - interval '5 minutes' AND id = (SELECT max(id) FROM account_token WHERE account_id = ?)",
                    volunteer.id(), volunteer.id()));
            // the refused writes (401) are logged by the browser itself
            s.errors().removeIf(e -> e.contains("401"));
            assertEquals(List.of(), s.errors());
        }
    }

    @Test
    void registeringFromThePanelLogsIn() {
        String name = "ui_" + Long.toString(System.nanoTime(), 36);
        try (Browser.Session s = Browser.open(Browser.options().phone().locale("en-GB"))) {
            Page page = s.page();
            page.navigate(base + "#map=6/46.6/2.4");
            page.waitForSelector("body[data-ready]");
            page.locator("#account").click();
            page.locator("#account-panel button", new Page.LocatorOptions().setHasText("Create one")).click();
            page.locator("#account-form input[name=username]").fill(name);
            page.locator("#account-form input[name=password]").fill(Secrets.password("Zq7-short!"));
            page.locator("#account-form button[type=submit]").click();
            page.waitForFunction("() => document.querySelector('#account-panel .status').textContent.includes('12')");
            page.locator("#account-form input[name=password]").fill(Secrets.password("a long enough pass phrase"));
            page.locator("#account-form button[type=submit]").click();
            page.waitForFunction("name => document.querySelector('#account').textContent === name", name);
            assertEquals(1, sql.count("SELECT count(*) FROM account WHERE username = ? AND role = 'volunteer'", name));
            s.errors().removeIf(e -> e.contains("400"));
            assertEquals(List.of(), s.errors());
        }
    }
}
