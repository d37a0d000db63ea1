package org.vigie.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Browser;
import org.vigie.support.Sql;
import org.vigie.watch.WatchTestCities;

import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17 on a phone (360x640): a volunteer adding a camera names the city's arrêté from the form itself;
 * a reader of the dossier follows what was changed in the registers, the city's list and one entry's history.
 */
@QuarkusTest
class RegisterHistoryJourneyTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @TestHTTPResource("/")
    URL base;

    @Inject
    Sql sql;

    @Test
    void aVolunteerAddingACameraNamesTheCitysArrete() {
        Api.init();
        Object[] city = WatchTestCities.city(sql, "Arrêtéville");
        String code = (String) city[0];
        double lon = (Double) city[1];
        double lat = (Double) city[2];
        long arrete = Accounts.moderator().request().body(Map.of("reference", "2024-PP-0117", "decidedOn", TODAY.minusYears(1).toString(),
                "authority", "Préfecture", "camerasAuthorised", 40)).post("/api/cities/" + code + "/authorisations")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        try (Browser.Session s = Browser.open(Browser.options().phone()).logIn(Accounts.volunteer())) {
            Page page = s.page();
            page.navigate(base + "#map=18/" + lat + "/" + lon);
            page.waitForSelector("body[data-ready]");
            page.locator("#add").click();
            // the marker starts at the map's centre, in the city: its register is offered, named
            page.waitForSelector("#cam-authorisation");
            assertTrue(page.locator("#authorisation-help").textContent().contains("Arrêtéville"),
                    page.locator("#authorisation-help").textContent());
            page.locator("#cam-operatorType").selectOption("public");
            page.locator("#cam-authorisation").selectOption(new SelectOption().setLabel("2024-PP-0117 (" + TODAY.minusYears(1) + ")"));
            page.locator("#cam-authorisation").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/add-authorisation-360x640.png")));
            assertTrue((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling");
            page.locator("button[type=submit][form=camera-form]").click();
            page.waitForSelector("#editor", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.HIDDEN));
            assertEquals(1, sql.count("SELECT count(*) FROM camera WHERE city_code = ? AND authorisation_id = ? AND visible", code, arrete));

            // its sheet names the arrêté
            long added = sql.count("SELECT id FROM camera WHERE city_code = ? AND authorisation_id = ?", code, arrete);
            page.locator("[data-camera-id='" + added + "']").dispatchEvent("click");
            page.waitForFunction("() => document.querySelector('#sheet .fields').textContent.includes('2024-PP-0117')");
            assertEquals(List.of(), s.errors());
        }
    }

    @Test
    void aReaderFollowsTheChangesOfTheRegistersOnAPhone() {
        Api.init();
        String code = (String) WatchTestCities.city(sql, "Tracéville")[0];
        String base = "/api/cities/" + code;
        long id = Accounts.moderator().request().body(Map.of("reference", "2021-PP-1", "decidedOn", "2021-01-10",
                "authority", "Préfet", "camerasAuthorised", 10)).post(base + "/authorisations").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Accounts.moderator().request().header("If-Match", "\"1\"").body(Map.of("reference", "2021-PP-0001", "decidedOn", "2021-01-10",
                "authority", "Préfet", "camerasAuthorised", 14)).put(base + "/authorisations/" + id).then().statusCode(200);
        long line = Accounts.moderator().request().body("{\"year\": 2025, \"amount\": 12000, \"purpose\": \"maintenance\"}")
                .post(base + "/budget").then().statusCode(201).extract().jsonPath().getLong("id");
        Accounts.moderator().request().header("If-Match", "\"1\"").delete(base + "/budget/" + line).then().statusCode(204);
        String moderator = Accounts.moderator().username();

        try (Browser.Session s = Browser.open(Browser.options().phone())) {
            Page page = s.page();
            page.navigate(this.base + "dossier.html?city=" + code);
            page.waitForSelector("body[data-ready]");
            page.waitForSelector("#changes .register-changes[data-loaded]");
            String changes = page.locator("#changes").textContent();
            assertTrue(changes.contains("Modifications des registres"), changes);
            // newest first: the deleted line, named as it was; then what it was recorded with; the correction, old → new
            assertEquals(List.of("change-deleted", "change-created", "change-edited", "change-created"),
                    page.locator("#changes .register-change").evaluateAll("items => items.map(i => i.classList[1])"));
            String deleted = page.locator("#changes .register-change").first().textContent();
            assertTrue(deleted.startsWith("Suppression · dépense 2025 (maintenance)") && deleted.contains(moderator), deleted);
            String edited = page.locator("#changes .change-edited").textContent();
            assertTrue(edited.contains("arrêté 2021-PP-0001") && edited.contains("Référence de l’arrêté : 2021-PP-1 → 2021-PP-0001")
                    && edited.contains("Nombre de caméras autorisées : 10 → 14"), edited);
            assertTrue(page.locator("#changes .change-created").first().textContent().contains("Montant (€) : 12\u202f000 €"),
                    page.locator("#changes .change-created").first().textContent());
            page.locator("#changes").scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/register-changes-360x640.png")));

            // a reader (no form anywhere) opens one entry's history from its row
            assertEquals(0, page.locator("form").count());
            page.locator("#authorisations .entry-history-open").click();
            page.waitForSelector("#authorisations .entry-history .register-changes");
            assertEquals(List.of("change-created", "change-edited"),
                    page.locator("#authorisations .entry-history .register-change").evaluateAll("items => items.map(i => i.classList[1])"));
            String history = page.locator("#authorisations .entry-history").textContent();
            assertTrue(history.contains("Ajout") && history.contains("Autorité : Préfet") && history.contains("2021-PP-1 → 2021-PP-0001"), history);
            assertTrue((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/entry-history-360x640.png")));
            page.locator("#authorisations .history-close").click();
            assertEquals(0, page.locator("#authorisations .entry-history").count());
            assertEquals(List.of(), s.errors());
        }
    }
}
