package org.vigie.account;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Accounts.TestAccount;
import org.vigie.support.Api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An account's contributions (GET /api/accounts/{name}/contributions) and the privacy of dates: the
 * public sees the day, moderators the exact time; a hidden camera's versions are for moderators.
 */
@QuarkusTest
class ContributionsTest {

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void newestFirstPagedAndDatedToTheDayForThePublic() {
        double[] spot = Api.freshSpot();
        long first = Api.create(spot[0], spot[1], Map.of("operator", "Mairie"));
        long second = Api.create(spot[0] + 0.001, spot[1], Map.of("operator", "Banque"));
        TestAccount author = Accounts.established(Role.VOLUNTEER);
        int v = author.editOperator(first, 1, spot, "Mairie annexe");
        author.editOperator(second, 1, new double[] {spot[0] + 0.001, spot[1]}, "Banque du coin");
        author.editOperator(first, v, spot, "Mairie centrale");
        String url = "/api/accounts/" + author.username() + "/contributions";
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        var page = given().queryParam("limit", 2).get(url).then().statusCode(200)
                .body("username", equalTo(author.username()))
                .body("items.cameraId", equalTo(List.of((int) first, (int) second)))
                .body("items.version", equalTo(List.of(3, 2)))
                .body("items.action", equalTo(List.of("update", "update")))
                .body("items[0].changedFields", equalTo(List.of("operator")))
                .body("items[0].date", equalTo(today))
                .body("items[0].at", nullValue())
                .body("next", notNullValue()).extract().jsonPath();
        given().queryParam("limit", 2).queryParam("before", page.getString("next")).get(url).then().statusCode(200)
                .body("items.cameraId", equalTo(List.of((int) first))).body("items.version", equalTo(List.of(2)))
                .body("next", nullValue());

        // A moderator sees the exact time.
        String at = Accounts.moderator().authorized().queryParam("limit", 1).get(url).then().statusCode(200)
                .extract().jsonPath().getString("items[0].at");
        assertTrue(OffsetDateTime.parse(at).isAfter(OffsetDateTime.now().minusHours(1)), at);

        // The camera's history alike: the day for all, the exact time for moderators.
        var history = given().get("/api/cameras/{id}/history", first).then().statusCode(200).extract().jsonPath();
        assertEquals(today, history.getString("[2].date"));
        assertNull(history.get("[2].at"));
        assertEquals(author.username(), history.getString("[2].author"));
        Accounts.moderator().authorized().get("/api/cameras/{id}/history", first).then().body("[2].at", notNullValue());
    }

    @Test
    void aHiddenCamerasVersionsAreListedForModeratorsOnly() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("operator", "Mairie"));
        TestAccount author = Accounts.established(Role.VOLUNTEER);
        author.editOperator(id, 1, spot, "adresse privée de quelqu'un");
        Accounts.moderator().request().body(Map.of("reason", "adresse privée")).post("/api/moderation/cameras/{id}/hide", id)
                .then().statusCode(200);
        String url = "/api/accounts/" + author.username() + "/contributions";
        given().get(url).then().statusCode(200).body("items.size()", equalTo(0));
        Accounts.moderator().authorized().get(url).then().statusCode(200).body("items.cameraId", equalTo(List.of((int) id)));
    }

    @Test
    void badRequestsNameTheField() {
        TestAccount author = Accounts.volunteer();
        String url = "/api/accounts/" + author.username() + "/contributions";
        given().queryParam("limit", 0).get(url).then().statusCode(400).contentType(Api.PROBLEM).body("errors[0].field", equalTo("limit"));
        given().queryParam("before", "x").get(url).then().statusCode(400).body("errors[0].field", equalTo("before"));
        given().queryParam("page", 2).get(url).then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().get("/api/accounts/nobody_goes_by_this/contributions").then().statusCode(404).contentType(Api.PROBLEM);
    }

    @Test
    void aModeratorSeesASuspensionOnTheProfileAndNobodyElseDoes() {
        TestAccount vandal = Accounts.established(Role.VOLUNTEER);
        Accounts.moderator().request().body(Map.of("reason", "vandalisme")).post("/api/moderation/accounts/{u}/suspension",
                vandal.username()).then().statusCode(200);
        Accounts.moderator().authorized().get("/api/accounts/{u}", vandal.username()).then().statusCode(200)
                .body("suspension.reason", equalTo("vandalisme")).body("suspension.until", nullValue());
        given().get("/api/accounts/{u}", vandal.username()).then().statusCode(200).body("$", not(hasKey("suspension")))
                .body("$", not(hasKey("email")));
    }
}
