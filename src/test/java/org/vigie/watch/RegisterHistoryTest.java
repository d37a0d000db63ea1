package org.vigie.watch;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Issue 17: the changes made to a city's registers are public, like the registers: the city's list newest
 * first, a page at a time, and each entry's; who (the moderator's name), the day (the exact time for
 * moderators), the action and each field's old and new value. A records request's answer takes If-Match.
 */
@QuarkusTest
class RegisterHistoryTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    Sql sql;

    private static RequestSpecification moderator(int version) {
        return Accounts.moderator().request().header("If-Match", "\"" + version + "\"");
    }

    @Test
    void theCitysChangesAreListedNewestFirstWithWhoTheDayAndEachFieldsOldAndNewValue() {
        Api.init();
        String code = (String) WatchTestCities.city(sql, "Historiée")[0];
        String base = "/api/cities/" + code;
        long authorisation = Accounts.moderator().request().body(Map.of("reference", "2021-PP-1", "decidedOn", "2021-01-10",
                "authority", "Préfet", "camerasAuthorised", 10)).post(base + "/authorisations").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        moderator(1).body(Map.of("reference", "2021-PP-0001", "decidedOn", "2021-01-10", "authority", "Préfet", "camerasAuthorised", 14))
                .put(base + "/authorisations/" + authorisation).then().statusCode(200);
        long line = Accounts.moderator().request().body("{\"year\": 2024, \"amount\": 1000.5, \"purpose\": \"purchase\"}")
                .post(base + "/budget").then().statusCode(201).extract().jsonPath().getLong("id");
        long request = Accounts.moderator().request().body(Map.of("subject", "budgets", "sentOn", TODAY.minusDays(9).toString()))
                .post(base + "/requests").then().statusCode(201).extract().jsonPath().getLong("id");
        moderator(1).body(Map.of("outcome", "refused", "answeredOn", TODAY.toString())).put(base + "/requests/" + request + "/answer")
                .then().statusCode(200);
        moderator(1).delete(base + "/budget/" + line).then().statusCode(204);

        JsonPath page = given().get(base + "/registers/changes").then().statusCode(200).contentType("application/json")
                .body("next", nullValue()).extract().jsonPath();
        assertEquals(List.of("deleted", "answered", "created", "created", "edited", "created"), page.getList("changes.action"));
        assertEquals(List.of("budget", "requests", "requests", "budget", "authorisations", "authorisations"), page.getList("changes.register"));
        assertEquals(List.of(line, request, request, line, authorisation, authorisation),
                page.getList("changes.entryId", Long.class));
        String name = Accounts.moderator().username();
        assertEquals(List.of(name, name, name, name, name, name), page.getList("changes.moderator"));
        assertEquals(TODAY.toString(), page.getString("changes[0].date"));
        assertNull(page.get("changes[0].at"), "the exact time is for moderators only");

        // the correction: what each field was and became, nothing else
        assertEquals(List.of(Map.of("field", "reference", "before", "2021-PP-1", "after", "2021-PP-0001"),
                Map.of("field", "camerasAuthorised", "before", 10, "after", 14)), page.getList("changes[4].fields"));
        assertEquals("2021-PP-0001", page.getString("changes[4].entry.reference"));
        // the answer: the request's outcome and its day
        assertEquals(List.of(Map.of("field", "outcome", "before", "pending", "after", "refused")),
                page.getList("changes[1].fields").subList(0, 1));
        assertEquals("answeredOn", page.getString("changes[1].fields[1].field"));
        assertNull(page.get("changes[1].fields[1].before"));
        assertEquals(TODAY.toString(), page.getString("changes[1].fields[1].after"));
        // a creation gives every field it was recorded with; a deletion names the entry as it was, in euros
        assertEquals(List.of("year", "amount", "purpose"), page.getList("changes[3].fields.field"));
        assertEquals(1000.5f, page.getFloat("changes[3].fields[1].after"));
        assertEquals(List.of(), page.getList("changes[0].fields"));
        assertEquals(1000.5f, page.getFloat("changes[0].entry.amount"));
        assertEquals("purchase", page.getString("changes[0].entry.purpose"));

        Accounts.moderator().authorized().get(base + "/registers/changes").then().statusCode(200)
                .body("changes[0].at", notNullValue()).body("changes[0].date", equalTo(TODAY.toString()));

        // pages of two: the same changes, in the same order, then no next
        List<Object> paged = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            RequestSpecification ask = given().queryParam("limit", 2);
            if (next != null) {
                ask.queryParam("before", next);
            }
            JsonPath p = ask.get(base + "/registers/changes").then().statusCode(200).extract().jsonPath();
            paged.addAll(p.getList("changes.id"));
            next = p.getString("next");
            pages++;
        } while (next != null && pages < 10);
        assertEquals(page.getList("changes.id"), paged);
        assertEquals(3, pages);
    }

    @Test
    void badPagesUnknownParametersAndUnknownCitiesAreRefused() {
        Api.init();
        String code = (String) WatchTestCities.city(sql, "Refusée")[0];
        String url = "/api/cities/" + code + "/registers/changes";
        given().get(url).then().statusCode(200).body("changes.size()", equalTo(0)).body("next", nullValue());
        given().queryParam("limit", 0).get(url).then().statusCode(400).contentType(Api.PROBLEM).body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", 201).get(url).then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("before", "yesterday").get(url).then().statusCode(400).body("errors[0].field", equalTo("before"));
        given().queryParam("page", 2).get(url).then().statusCode(400).contentType(Api.PROBLEM).body("detail", containsString("page"));
        given().get("/api/cities/NOPE-17/registers/changes").then().statusCode(404).contentType(Api.PROBLEM);
        given().get("/api/cities/" + code + "/authorisations/987654321/changes").then().statusCode(404).contentType(Api.PROBLEM);
        given().get("/api/cities/" + code + "/cameras/1/changes").then().statusCode(404);
    }

    @Test
    void anEntrysHistoryIsReadOldestFirstEvenOnceItIsDeletedButOnlyFromItsOwnCity() {
        Api.init();
        String code = (String) WatchTestCities.city(sql, "Suivie")[0];
        String other = (String) WatchTestCities.city(sql, "Autre")[0];
        String url = "/api/cities/" + code + "/authorisations";
        long id = Accounts.moderator().request().body(Map.of("reference", "A-1", "decidedOn", "2022-05-01", "authority", "Préfet"))
                .post(url).then().statusCode(201).extract().jsonPath().getLong("id");
        moderator(1).body(Map.of("reference", "A-1", "decidedOn", "2022-05-01", "authority", "Préfet", "validUntil", "2025-05-01"))
                .put(url + "/" + id).then().statusCode(200);
        moderator(2).delete(url + "/" + id).then().statusCode(204);

        JsonPath history = given().get(url + "/" + id + "/changes").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("created", "edited", "deleted"), history.getList("action"));
        assertEquals(List.of("reference", "decidedOn", "authority", "validUntil"), history.getList("[0].fields.field"));
        assertEquals("2027-05-01", history.getString("[0].fields[3].after"), "five years by default");
        assertEquals(List.of(Map.of("field", "validUntil", "before", "2027-05-01", "after", "2025-05-01")), history.getList("[1].fields"));
        assertEquals("2025-05-01", history.getString("[2].entry.validUntil"));
        given().get("/api/cities/" + other + "/authorisations/" + id + "/changes").then().statusCode(404);
        assertNotNull(history.get("[2].moderator"));
    }

    @Test
    void anAnswerIsMadeToTheVersionTheModeratorSawAndKeptAmongTheChanges() {
        Api.init();
        String code = (String) WatchTestCities.city(sql, "Répondue")[0];
        String url = "/api/cities/" + code + "/requests";
        long id = Accounts.moderator().request().body(Map.of("subject", "camera_list", "sentOn", TODAY.minusDays(40).toString()))
                .post(url).then().statusCode(201).body("version", equalTo(1)).extract().jsonPath().getLong("id");
        Map<String, String> answer = Map.of("outcome", "partial", "answeredOn", TODAY.minusDays(2).toString());

        Accounts.moderator().request().body(answer).put(url + "/" + id + "/answer").then().statusCode(428).contentType(Api.PROBLEM);
        moderator(2).body(answer).put(url + "/" + id + "/answer").then().statusCode(409).contentType(Api.PROBLEM)
                .body("providedVersion", equalTo(2)).body("currentVersion", equalTo(1));
        Accounts.moderator().request().header("If-Match", "soon").body(answer).put(url + "/" + id + "/answer").then().statusCode(400)
                .body("errors[0].field", equalTo("If-Match"));
        assertEquals(0, sql.count("SELECT count(*) FROM city_register_change WHERE register = 'city_records_request' AND entry_id = ? "
                + "AND action = 'answered'", id));

        moderator(1).body(answer).put(url + "/" + id + "/answer").then().statusCode(200)
                .body("outcome", equalTo("partial")).body("version", equalTo(2));
        // another moderator who saw version 1 is told, rather than overwriting the answer
        moderator(1).body(Map.of("outcome", "refused", "answeredOn", TODAY.toString())).put(url + "/" + id + "/answer")
                .then().statusCode(409).body("currentVersion", equalTo(2));
        given().get(url).then().body("outcome", equalTo(List.of("partial")));
        assertEquals("pending", sql.text("SELECT before->>'outcome' FROM city_register_change WHERE register = 'city_records_request' "
                + "AND entry_id = ? AND action = 'answered'", id));
        given().get(url + "/" + id + "/changes").then().statusCode(200).body("action", equalTo(List.of("created", "answered")));
    }
}
