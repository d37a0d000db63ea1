package org.vigie.verification;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.support.Accounts;
import org.vigie.support.Accounts.TestAccount;
import org.vigie.support.Api;
import org.vigie.support.Concurrently;
import org.vigie.support.Sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ConfirmationsTest {

    @Inject
    Sql sql;

    @BeforeAll
    static void setUp() {
        Api.init();
    }

    static long cameraBy(TestAccount author) {
        double[] spot = Api.freshSpot();
        return author.request().queryParam("confirmDuplicate", "true")
                .body(Api.feature(spot[0], spot[1], Map.of("cameraType", "dome")))
                .post("/api/cameras").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static io.restassured.response.ValidatableResponse confirm(TestAccount who, long id) {
        return who.authorized().post("/api/cameras/{id}/confirmations", id).then();
    }

    @Test
    void independentConfirmationsCountOnceEachAndVerifyTheCamera() {
        TestAccount author = Accounts.fresh(Role.VOLUNTEER);
        long id = cameraBy(author);
        given().get("/api/cameras/{id}", id).then()
                .body("properties.confirmations", equalTo(0))
                .body("properties.lastConfirmedAt", nullValue())
                .body("properties.status", equalTo("reported"));

        confirm(author, id).statusCode(200).body("counted", equalTo(false)).body("reason", equalTo("own-camera"))
                .body("confirmations", equalTo(0));

        TestAccount first = Accounts.fresh(Role.VOLUNTEER);
        confirm(first, id).statusCode(201).body("counted", equalTo(true)).body("confirmations", equalTo(1))
                .body("status", equalTo("reported")).body("lastConfirmedAt", notNullValue());
        confirm(first, id).statusCode(200).body("counted", equalTo(false)).body("reason", equalTo("already-confirmed"))
                .body("confirmations", equalTo(1));

        confirm(Accounts.fresh(Role.VOLUNTEER), id).statusCode(201).body("confirmations", equalTo(2))
                .body("status", equalTo("verified"));
        given().get("/api/cameras/{id}", id).then()
                .body("properties.confirmations", equalTo(2))
                .body("properties.status", equalTo("verified"))
                .body("properties.lastConfirmedAt", notNullValue())
                .body("properties.toRecheck", equalTo(false));
    }

    @Test
    void aConfirmationIsNotAnEditAndLeavesTheVersionAlone() {
        TestAccount author = Accounts.fresh(Role.VOLUNTEER);
        long id = cameraBy(author);
        confirm(Accounts.fresh(Role.VOLUNTEER), id).statusCode(201);
        confirm(Accounts.fresh(Role.VOLUNTEER), id).statusCode(201).body("status", equalTo("verified"));

        given().get("/api/cameras/{id}", id).then().header("ETag", "\"1\"");
        // The author's form still holds version 1: the edit goes through, and says nothing of status.
        double[] spot = Api.freshSpot();
        author.request().header("If-Match", "\"1\"").body(Api.feature(spot[0], spot[1], Map.of("cameraType", "dome", "operator", "Mairie")))
                .put("/api/cameras/{id}", id).then().statusCode(200).body("properties.version", equalTo(2));
        given().get("/api/cameras/{id}/history", id).then().body("[1].changedFields", equalTo(List.of("geometry", "operator")));
    }

    @Test
    void fiftyVolunteersConfirmingAtOnceAreEachCountedOnce() throws Exception {
        long id = cameraBy(Accounts.fresh(Role.VOLUNTEER));
        List<TestAccount> volunteers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            volunteers.add(Accounts.fresh(Role.VOLUNTEER));
        }
        List<Integer> answers = Concurrently.run(50,
                i -> () -> volunteers.get(i).authorized().post("/api/cameras/{id}/confirmations", id).statusCode());
        assertEquals(List.of(201), answers.stream().distinct().toList(), answers.toString());
        given().get("/api/cameras/{id}", id).then()
                .body("properties.confirmations", equalTo(50)).body("properties.status", equalTo("verified"));
        assertEquals(50, sql.count("SELECT count(*) FROM camera_confirmation WHERE camera_id = ?", id));
    }

    @Test
    void aCameraNobodyConfirmedForTwoYearsIsFlaggedToRecheckUntilSomeoneDoes() {
        long id = cameraBy(Accounts.fresh(Role.VOLUNTEER));
        sql.update("UPDATE camera SET created_at = now() - interval '3 years' WHERE id = ?", id);
        given().get("/api/cameras/{id}", id).then().body("properties.toRecheck", equalTo(true));

        confirm(Accounts.fresh(Role.VOLUNTEER), id).statusCode(201);
        given().get("/api/cameras/{id}", id).then().body("properties.toRecheck", equalTo(false));
    }

    @Test
    void confirmingNeedsAnAccountAndAVisibleCamera() {
        TestAccount author = Accounts.fresh(Role.VOLUNTEER);
        long id = cameraBy(author);
        given().post("/api/cameras/{id}/confirmations", id).then().statusCode(401)
                .contentType(Api.PROBLEM);
        confirm(author, 987654321L).statusCode(404).contentType(Api.PROBLEM);

        author.authorized().header("If-Match", "\"1\"").delete("/api/cameras/{id}", id).then().statusCode(204);
        confirm(Accounts.fresh(Role.VOLUNTEER), id).statusCode(410).contentType(Api.PROBLEM);
    }

    @Test
    void confirmationsRacingAtTheQuotasEdgeCannotAllPass() throws Exception {
        TestAccount young = Accounts.fresh(Role.VOLUNTEER);
        TestAccount author = Accounts.fresh(Role.VOLUNTEER);
        List<Long> cameras = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            cameras.add(cameraBy(author));
        }
        // 59 of the young account's 60 an hour already spent (resolved reports count too).
        sql.update("INSERT INTO camera_report (camera_id, account_id, reason, created_at, resolved_at, resolution)"
                + " SELECT ?, ?, 'fake', now(), now(), 'withdrawn' FROM generate_series(1, 59)", cameras.get(10), young.id());
        List<Integer> answers = Concurrently.run(10, i -> () -> confirm(young, cameras.get(i)).extract().statusCode());
        assertEquals(1, answers.stream().filter(s -> s == 201).count(), answers.toString());
        assertEquals(9, answers.stream().filter(s -> s == 429).count(), answers.toString());
        assertEquals(1, sql.count("SELECT count(*) FROM camera_confirmation WHERE account_id = ?", young.id()));
    }
}
