package org.vigie.account;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Accounts.TestAccount;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * DELETE /api/auth/me: the holder's e-mail address, name and sessions go, their versions stay
 * signed by a neutral name; the password is asked again.
 */
@QuarkusTest
class AccountDeletionTest {

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void theAccountIsErasedAndItsVersionsStaySignedByANeutralName() {
        TestAccount holder = Accounts.established(Role.VOLUNTEER);
        sql.update("UPDATE account SET email = ? WHERE id = ?", "deleteme.j14@example.org", holder.id());
        TestAccount otherSession = Accounts.anotherSession(holder);
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("operator", "Mairie"));
        holder.request().header("If-Match", "\"1\"").body(Api.feature(spot[0], spot[1], Map.of("operator", "Mairie annexe")))
                .put("/api/cameras/" + id).then().statusCode(200);

        // The password is asked again: missing is a 400, wrong a 403 that keeps the session.
        holder.request().body(Map.of()).delete("/api/auth/me").then().statusCode(400).contentType(Api.PROBLEM)
                .body("errors[0].field", equalTo("password"));
        holder.request().body(Map.of("password", Accounts.PASSWORD + "-not")).delete("/api/auth/me").then().statusCode(403)
                .body("type", equalTo("/problems/wrong-password")).body("errors[0].field", equalTo("password"));
        holder.authorized().get("/api/auth/me").then().statusCode(200);

        String neutral = "deleted-" + holder.id();
        holder.request().body(Map.of("password", Accounts.PASSWORD)).delete("/api/auth/me").then().statusCode(200)
                .body("username", equalTo(neutral));

        // Every session is over, and nobody logs in with the old name or password.
        holder.authorized().get("/api/auth/me").then().statusCode(401);
        otherSession.authorized().get("/api/auth/me").then().statusCode(401);
        Api.json().body(Map.of("username", holder.username(), "password", Accounts.PASSWORD)).post("/api/auth/login")
                .then().statusCode(401);
        Api.json().body(Map.of("username", neutral, "password", Accounts.PASSWORD)).post("/api/auth/login")
                .then().statusCode(401);
        assertNull(sql.text("SELECT email FROM account WHERE id = ?", holder.id()));
        assertEquals(0, sql.count("SELECT count(*) FROM account WHERE lower(username) = lower(?)", holder.username()));

        // The version stays, signed by the neutral name; the account's page lists it.
        given().get("/api/cameras/{id}/history", id).then().body("[1].author", equalTo(neutral));
        given().get("/api/accounts/{u}/contributions", neutral).then().statusCode(200).body("items[0].cameraId", equalTo((int) id));
        given().get("/api/accounts/{u}", holder.username()).then().statusCode(404);
        // Nobody registers a name kept for deleted accounts.
        Api.json().body(Map.of("username", "deleted-999999", "password", Accounts.PASSWORD, "altcha", "x"))
                .post("/api/auth/register").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("username"));
    }

    @Test
    void withoutASessionItIs401() {
        Api.json().body(Map.of("password", Accounts.PASSWORD)).delete("/api/auth/me").then().statusCode(401);
    }
}
