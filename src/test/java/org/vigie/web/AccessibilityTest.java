package org.vigie.web;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.city.CityFixtures;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Browser;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * axe-core (the npm package, installed by ./dev test from package.json) finds no violation of
 * serious or critical impact on the map, an open camera sheet, the add form, the city panel and the
 * account panel, on a phone, in French and in English.
 */
@QuarkusTest
class AccessibilityTest {

    static final Path AXE = Path.of("node_modules", "axe-core", "axe.min.js");

    @TestHTTPResource("/")
    URL base;

    @Inject
    CityFixtures cities;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void noSeriousOrCriticalViolationOnTheMapTheSheetTheFormTheCityAndTheAccountInFrenchAndEnglish() throws IOException {
        assumeTrue(Files.isReadable(AXE), "accessibility checks skipped: " + AXE + " is missing (npm install, or ./dev test)");
        String axe = Files.readString(AXE);
        boolean withCities = Files.isReadable(CityFixtures.COMMUNES);
        if (withCities) {
            cities.importCommunes();
        }
        long id = Api.create(5.7263, 45.1903, Map.of("operator", "Ville", "operatorType", "public", "directions", List.of(90)));
        List<String> found = new ArrayList<>();
        for (String locale : List.of("fr-FR", "en-US")) {
            try (Browser.Session s = Browser.open(Browser.options().phone().locale(locale))) {
                Page page = s.page();
                page.navigate(base + "#map=17/45.1903/5.7263");
                page.waitForSelector("[data-camera-id='" + id + "']");
                found.addAll(check(page, axe, locale + " map"));

                page.locator("[data-camera-id='" + id + "']").click();
                page.waitForSelector("#sheet:not([hidden]) .fields");
                found.addAll(check(page, axe, locale + " camera sheet"));
                page.locator("#sheet button.close").click();

                page.locator("#add").click();
                page.waitForSelector("#editor:not([hidden]) #camera-form");
                found.addAll(check(page, axe, locale + " add form"));
                page.locator("#editor button.close").click();

                page.locator("#account").click();
                page.waitForSelector("#account-panel:not([hidden]) form");
                found.addAll(check(page, axe, locale + " account panel"));
                page.keyboard().press("Escape");

                // issue 15: keyboard point, the crosshair and its hint over the map
                page.locator("#here-keyboard").click();
                page.waitForSelector("#here-keys:not([hidden]) .keyboard-hint:not(:empty)");
                found.addAll(check(page, axe, locale + " keyboard point"));
                page.keyboard().press("Escape");

                if (withCities) {
                    page.navigate(base + "#map=13/45.1880/5.7250&city=38185");
                    page.waitForSelector("#city-panel svg.chart");
                    found.addAll(check(page, axe, locale + " city panel"));
                }
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "a11y-" + locale + "-360x640.png")));
            }
        }
        assertEquals(List.of(), found, "axe-core: serious or critical violations");
        assumeTrue(withCities, "the city panel was not checked: " + CityFixtures.COMMUNES + " is missing");
    }

    /** Logged in, the toolbar shows the user name: the account button's accessible name must hold it (label-content-name-mismatch). */
    @Test
    void noSeriousOrCriticalViolationOnceLoggedInOnAPhoneAndAtADesk() throws IOException {
        assumeTrue(Files.isReadable(AXE), "accessibility checks skipped: " + AXE + " is missing (npm install, or ./dev test)");
        String axe = Files.readString(AXE);
        List<String> found = new ArrayList<>();
        for (Browser.Options options : List.of(Browser.options().phone(), Browser.options().desktop())) {
            for (String language : List.of("fr", "en")) {
                try (Browser.Session s = Browser.open(options).logIn(Accounts.volunteer())) {
                    Page page = s.page();
                    page.navigate(base + "#map=17/45.1903/5.7263");
                    page.waitForSelector("#account.logged-in");
                    if (language.equals("en")) {
                        page.locator("#lang").click();
                        page.waitForFunction("() => document.documentElement.lang === 'en'");
                    }
                    String name = (String) page.evaluate("() => document.getElementById('account').textContent");
                    String label = (String) page.evaluate("() => document.getElementById('account').getAttribute('aria-label')");
                    assertTrue(label.contains(name), label + " holds " + name);
                    found.addAll(check(page, axe, language + " logged in, " + page.viewportSize().width + " px"));
                }
            }
        }
        assertEquals(List.of(), found, "axe-core: serious or critical violations");
    }

    /** axe-core run on the page as it is: the serious and critical violations, as "where: rule (impact) on targets". */
    static List<String> check(Page page, String axe, String where) {
        return check(page, axe, where, null);
    }

    /** The same within one element only ({@code selector}; null: the whole document). */
    @SuppressWarnings("unchecked")
    static List<String> check(Page page, String axe, String where, String selector) {
        if (Boolean.FALSE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate(axe); // through the debugger protocol: the page's policy forbids inline scripts, not this
        }
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("async (selector) => "
                + "(await axe.run(selector ? document.querySelector(selector) : document))"
                + ".violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')"
                + ".map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ') }))", selector);
        return violations.stream().map(v -> where + ": " + v.get("id") + " (" + v.get("impact") + ") on " + v.get("targets")).toList();
    }
}
