package org.vigie.watch;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 17: moderators correct and delete register entries; each change keeps the entry as it was. */
@QuarkusTest
class RegisterCorrectionsTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    Sql sql;

    private static RequestSpecification moderator(int version) {
        return Accounts.moderator().request().header("If-Match", "\"" + version + "\"");
    }

    private long changes(String table, long id, String action) {
        return sql.count("SELECT count(*) FROM city_register_change WHERE register = ? AND entry_id = ? AND action = ?", table, id, action);
    }

    @Test
    void anAuthorisationIsCorrectedOnlyByModeratorsAtTheVersionTheySawAndItsFormerStateIsKept() {
        Api.init();
        String code = (String) WatchTestCities.city(sql, "Corrigée")[0];
        String other = (String) WatchTestCities.city(sql, "Voisine")[0];
        String url = "/api/cities/" + code + "/authorisations";
        long id = Accounts.moderator().request().body(Map.of("reference", "2021-PP-1", "decidedOn", "2021-01-10",
                "authority", "Préfet", "camerasAuthorised", 10)).post(url).then().statusCode(201)
                .body("version", equalTo(1)).extract().jsonPath().getLong("id");
        Map<String, Object> fixed = Map.of("reference", "2021-PP-0001", "decidedOn", "2021-01-12", "authority", "Préfet de police",
                "camerasAuthorised", 14, "validUntil", "2024-01-12");

        Accounts.volunteer().request().header("If-Match", "\"1\"").body(fixed).put(url + "/" + id).then().statusCode(403);
        given().contentType("application/json").header("If-Match", "\"1\"").body(fixed).put(url + "/" + id).then().statusCode(401);
        Accounts.moderator().request().body(fixed).put(url + "/" + id).then().statusCode(428).contentType(Api.PROBLEM);
        moderator(1).body(fixed).put(url + "/" + (id + 100000)).then().statusCode(404).contentType(Api.PROBLEM);
        moderator(1).body(fixed).put("/api/cities/" + other + "/authorisations/" + id).then().statusCode(404);
        moderator(1).body(fixed).put("/api/cities/NOPE-17/authorisations/" + id).then().statusCode(404);
        // bad values are named as on creation, and nothing is written
        moderator(1).body(Map.of("reference", "", "decidedOn", "12/01/2021", "authority", "Préfet", "actUrl", "ftp://x"))
                .put(url + "/" + id).then().statusCode(400).contentType(Api.PROBLEM)
                .body("errors.field", containsInAnyOrder("reference", "decidedOn", "actUrl"));
        assertEquals(0, changes("city_authorisation", id, "edited"));

        moderator(1).body(fixed).put(url + "/" + id).then().statusCode(200)
                .body("reference", equalTo("2021-PP-0001")).body("camerasAuthorised", equalTo(14))
                .body("validUntil", equalTo("2024-01-12")).body("expired", equalTo(true)).body("version", equalTo(2));
        moderator(1).body(fixed).put(url + "/" + id).then().statusCode(409).body("currentVersion", equalTo(2));
        given().get(url).then().body("reference", equalTo(List.of("2021-PP-0001")));
        assertEquals(1, changes("city_authorisation", id, "edited"));
        assertEquals("2021-PP-1", sql.text("SELECT before->>'reference' FROM city_register_change WHERE entry_id = ? "
                + "AND register = 'city_authorisation' AND action = 'edited'", id));
        assertEquals(1, sql.count("SELECT count(*) FROM city_register_change c JOIN account a ON a.id = c.moderator_id "
                + "WHERE c.entry_id = ? AND c.register = 'city_authorisation' AND c.action = 'edited' AND a.role IN ('moderator', 'admin')", id));
    }

    @Test
    void anAuthorisationNamedByCamerasCannotBeDeletedAndADeletedOneLeavesTheDossierButNotTheDatabase() {
        Api.init();
        Object[] city = WatchTestCities.city(sql, "Supprimée");
        String code = (String) city[0];
        String url = "/api/cities/" + code + "/authorisations";
        long named = Accounts.moderator().request().body(Map.of("reference", "A-named", "decidedOn", TODAY.minusYears(1).toString(),
                "authority", "Préfet", "camerasAuthorised", 3)).post(url).then().statusCode(201).extract().jsonPath().getLong("id");
        long wrong = Accounts.moderator().request().body(Map.of("reference", "A-typo", "decidedOn", TODAY.minusYears(1).toString(),
                "authority", "Préfet", "camerasAuthorised", 50)).post(url).then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> camera = new HashMap<>(Map.of("operatorType", "public", "authorisation", named));
        Api.create((Double) city[1], (Double) city[2], camera);
        Api.create((Double) city[1] + 0.001, (Double) city[2], camera);

        Accounts.volunteer().request().header("If-Match", "\"1\"").delete(url + "/" + named).then().statusCode(403);
        moderator(1).delete(url + "/" + named).then().statusCode(409).contentType(Api.PROBLEM)
                .body("cameras", equalTo(2)).body("detail", containsString("2 camera(s)"));
        moderator(1).header("Accept-Language", "fr").delete(url + "/" + named).then().statusCode(409)
                .body("detail", containsString("2 caméra(s) citent"));
        Accounts.moderator().request().delete(url + "/" + wrong).then().statusCode(428);
        moderator(2).delete(url + "/" + wrong).then().statusCode(409);
        moderator(1).delete(url + "/" + (wrong + 100000)).then().statusCode(404);

        moderator(1).delete(url + "/" + wrong).then().statusCode(204);
        given().get(url).then().body("reference", equalTo(List.of("A-named")));
        given().get("/api/cities/" + code + "/dossier").then().statusCode(200)
                .body("authorisations.entries.reference", equalTo(List.of("A-named")))
                .body("authorisations.camerasAuthorised", equalTo(3));
        // its trace stays: the row, marked removed, and the change
        assertEquals(1, sql.count("SELECT count(*) FROM city_authorisation WHERE id = ? AND removed_at IS NOT NULL "
                + "AND removed_by IS NOT NULL AND version = 2", wrong));
        assertEquals(1, changes("city_authorisation", wrong, "deleted"));
        moderator(2).body(Map.of("reference", "x", "decidedOn", "2020-01-01", "authority", "P")).put(url + "/" + wrong)
                .then().statusCode(410).contentType(Api.PROBLEM);
        moderator(2).delete(url + "/" + wrong).then().statusCode(410);
        // and no camera can name it any more
        Api.asVolunteer().queryParam("confirmDuplicate", "true").body(Api.feature((Double) city[1] - 0.001, (Double) city[2],
                Map.of("operatorType", "public", "authorisation", wrong))).post("/api/cameras").then().statusCode(400)
                .body("errors.field", equalTo(List.of("properties.authorisation")));
    }

    @Test
    void budgetLinesAreCorrectedAndDeletedAndTheYearlyTotalsFollow() {
        Api.init();
        String code = (String) WatchTestCities.city(sql, "Budgétée")[0];
        String url = "/api/cities/" + code + "/budget";
        long line = Accounts.moderator().request().body("{\"year\": 2024, \"amount\": 1000, \"purpose\": \"purchase\"}")
                .post(url).then().statusCode(201).extract().jsonPath().getLong("id");
        long typo = Accounts.moderator().request().body("{\"year\": 2024, \"amount\": 99999, \"purpose\": \"other\"}")
                .post(url).then().statusCode(201).extract().jsonPath().getLong("id");

        Accounts.volunteer().request().header("If-Match", "\"1\"").body("{\"year\": 2024, \"amount\": 1, \"purpose\": \"other\"}")
                .put(url + "/" + line).then().statusCode(403);
        moderator(1).body("{\"year\": 1800, \"amount\": 1.234, \"purpose\": \"bribes\"}").put(url + "/" + line)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("year", "amount", "purpose"));
        moderator(1).body("{\"year\": 2025, \"amount\": 1250.5, \"purpose\": \"maintenance\", \"label\": \"Contrat\"}")
                .put(url + "/" + line).then().statusCode(200)
                .body("year", equalTo(2025)).body("amount", equalTo(1250.5f)).body("version", equalTo(2));
        moderator(1).delete(url + "/" + typo).then().statusCode(204);
        moderator(1).delete(url + "/" + typo).then().statusCode(410);

        given().get("/api/cities/" + code + "/dossier").then().statusCode(200)
                .body("budget.lines.id", equalTo(List.of((int) line)))
                .body("budget.perYear.year", equalTo(List.of(2025)));
        assertEquals(100000, sql.count("SELECT (before->>'amount_cents')::bigint FROM city_register_change WHERE entry_id = ? "
                + "AND register = 'city_budget_line' AND action = 'edited'", line));
        assertEquals(1, changes("city_budget_line", typo, "deleted"));
    }

    @Test
    void requestsAreCorrectedWithoutLosingTheirAnswerAndDeletedOnesTakeNoAnswer() {
        Api.init();
        String code = (String) WatchTestCities.city(sql, "Questionnée")[0];
        String url = "/api/cities/" + code + "/requests";
        long id = Accounts.moderator().request().body(Map.of("subject", "camera_list", "sentOn", TODAY.minusDays(20).toString()))
                .post(url).then().statusCode(201).extract().jsonPath().getLong("id");
        moderator(1).body(Map.of("outcome", "partial", "answeredOn", TODAY.minusDays(5).toString()))
                .put(url + "/" + id + "/answer").then().statusCode(200).body("version", equalTo(2));

        moderator(2).body(Map.of("subject", "budgets", "sentOn", TODAY.minusDays(2).toString())).put(url + "/" + id)
                .then().statusCode(400).body("errors.field", equalTo(List.of("sentOn")));
        moderator(2).body(Map.of("subject", "everything", "sentOn", TODAY.plusDays(2).toString())).put(url + "/" + id)
                .then().statusCode(400).body("errors.field", containsInAnyOrder("subject", "sentOn"));
        moderator(2).body(Map.of("subject", "budgets", "sentOn", TODAY.minusDays(30).toString(), "notes", "Envoyée en LRAR"))
                .put(url + "/" + id).then().statusCode(200)
                .body("subject", equalTo("budgets")).body("outcome", equalTo("partial")).body("ageDays", equalTo(25))
                .body("notes", equalTo("Envoyée en LRAR")).body("version", equalTo(3));
        // a second answer replaces the first, which stays among the changes
        moderator(3).body(Map.of("outcome", "answered", "answeredOn", TODAY.toString())).put(url + "/" + id + "/answer")
                .then().statusCode(200);
        assertEquals("partial", sql.text("SELECT before->>'outcome' FROM city_register_change WHERE entry_id = ? "
                + "AND register = 'city_records_request' AND action = 'answered' ORDER BY id DESC LIMIT 1", id));

        moderator(4).delete(url + "/" + id).then().statusCode(204);
        given().get(url).then().statusCode(200).body("size()", equalTo(0));
        moderator(5).body(Map.of("outcome", "refused", "answeredOn", TODAY.toString())).put(url + "/" + id + "/answer")
                .then().statusCode(410);
        // recorded, answered, corrected, answered again, deleted: every step kept
        assertEquals(List.of("created", "answered", "edited", "answered", "deleted"), List.of(sql.text("SELECT string_agg(action, ',' "
                + "ORDER BY id) FROM city_register_change WHERE entry_id = ? AND register = 'city_records_request'", id).split(",")));
    }
}
