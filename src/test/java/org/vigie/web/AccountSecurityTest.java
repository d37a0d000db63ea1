package org.vigie.web;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Browser;
import org.vigie.support.Secrets;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a phone (360x640), a volunteer who fears their password is known changes it from the account
 * panel (a wrong current password is said, the account stays logged in), which closes their other
 * sessions; then, in English, logs out everywhere, this phone included.
 */
@QuarkusTest
class AccountSecurityTest {

    private static final String NEW_PASSWORD = Secrets.password("tangerine lighthouse quiver 47");

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void aVolunteerChangesThePasswordThenLogsOutEverywhere() {
        Accounts.TestAccount phone = Accounts.fresh(Role.VOLUNTEER);
        Accounts.TestAccount laptop = Accounts.anotherSession(phone);
        try (Browser.Session s = Browser.open(Browser.options().phone()).logIn(phone)) {
            Page page = s.page();
            page.navigate(base.toString());
            page.waitForSelector("body[data-ready]");
            page.locator("#account").click();
            page.waitForSelector("#account-panel:not([hidden]) h3:has-text('Sécurité du compte')");
            page.locator("#change-password").click();
            assertEquals("true", page.locator("#change-password").getAttribute("aria-expanded"));

            // a wrong current password: said, and still logged in
            page.locator("#password-form input[name=current]").fill("not the password " + System.nanoTime());
            page.locator("#password-form input[name=new]").fill(NEW_PASSWORD);
            page.locator("#password-form button[type=submit]").click();
            page.waitForSelector("#security-status:has-text('n’est pas le bon')");
            assertEquals(200, me(phone.token()));

            page.locator("#password-form input[name=current]").fill(Accounts.PASSWORD);
            page.locator("#password-form button[type=submit]").click();
            page.waitForSelector("#security-status:has-text('Mot de passe changé')");
            assertTrue(page.locator("#security-status").textContent().contains("(1)"), page.locator("#security-status").textContent());
            assertTrue(page.locator("#password-form").isHidden());
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "account-security-360.png")));
            assertEquals(401, me(laptop.token()), "the other session goes on after the password change");
            assertEquals(200, me(phone.token()), "this session ended with the password change");
            given().contentType("application/json").body(Map.of("username", phone.username(), "password", NEW_PASSWORD))
                    .post("/api/auth/login").then().statusCode(200);

            // in English, log out everywhere: this phone too
            page.locator("#lang").click();
            page.waitForSelector("#account-panel h3:has-text('Account security')");
            page.onDialog(dialog -> {
                assertTrue(dialog.message().contains("this one included"), dialog.message());
                dialog.accept();
            });
            page.locator("#logout-everywhere:has-text('Log out everywhere')").click();
            page.waitForSelector("#account-panel .status:has-text('Logged out everywhere')");
            assertTrue(page.locator("#account-form").isVisible(), "the login form is shown again");
            assertEquals("Account", page.locator("#account").textContent());
            assertEquals(Boolean.TRUE, page.evaluate("() => localStorage.getItem('vigie.session') === null"));
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "account-logged-out-360.png")));
            assertEquals(401, me(phone.token()));
            // the one failed request the browser logs is the wrong password's 403, asked for above
            assertEquals(List.of(), s.errors().stream().filter(e -> !e.contains("status of 403")).toList());
        }
    }

    private static int me(String token) {
        return given().header("Authorization", "Bearer " + token).get("/api/auth/me").statusCode();
    }
}
