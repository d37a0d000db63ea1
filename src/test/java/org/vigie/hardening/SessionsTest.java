package org.vigie.hardening;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vigie.support.Api.PROBLEM;

/** POST /api/auth/password ends the other sessions; POST /api/auth/logout-everywhere ends them all; expired tokens are purged. */
@QuarkusTest
class SessionsTest {

    private static final String NEW_PASSWORD = "a new and longer passphrase";

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void changingThePasswordEndsEveryOtherSession() {
        Accounts.TestAccount phone = Accounts.fresh(Role.VOLUNTEER);
        Accounts.TestAccount laptop = Accounts.anotherSession(phone);

        phone.authorized().contentType("application/json")
                .body("{\"current\": \"wrong password here\", \"new\": \"" + NEW_PASSWORD + "\"}")
                .post("/api/auth/password").then().statusCode(403).contentType(PROBLEM).body("errors.field", hasItem("current"));
        phone.authorized().contentType("application/json")
                .body("{\"current\": \"" + Accounts.PASSWORD + "\", \"new\": \"short\"}")
                .post("/api/auth/password").then().statusCode(400).body("errors.field", hasItem("new"));

        phone.authorized().contentType("application/json")
                .body("{\"current\": \"" + Accounts.PASSWORD + "\", \"new\": \"" + NEW_PASSWORD + "\"}")
                .post("/api/auth/password").then().statusCode(200).body("otherSessionsEnded", equalTo(1));

        phone.authorized().get("/api/auth/me").then().statusCode(200);
        laptop.authorized().get("/api/auth/me").then().statusCode(401);
        given().contentType("application/json").body("{\"username\": \"" + phone.username() + "\", \"password\": \"" + Accounts.PASSWORD + "\"}")
                .post("/api/auth/login").then().statusCode(401);
        given().contentType("application/json").body("{\"username\": \"" + phone.username() + "\", \"password\": \"" + NEW_PASSWORD + "\"}")
                .post("/api/auth/login").then().statusCode(200);
    }

    @Test
    void loggingOutEverywhereEndsEverySession() {
        Accounts.TestAccount phone = Accounts.fresh(Role.VOLUNTEER);
        Accounts.TestAccount laptop = Accounts.anotherSession(phone);
        phone.authorized().post("/api/auth/logout-everywhere").then().statusCode(200).body("otherSessionsEnded", equalTo(2));
        phone.authorized().get("/api/auth/me").then().statusCode(401);
        laptop.authorized().get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void expiredTokensArePurgedAsNewOnesAreIssued() {
        Accounts.TestAccount old = Accounts.fresh(Role.VOLUNTEER);
        sql.update("UPDATE account_token SET expires_at = now() - interval '1 hour' WHERE account_id = ?", old.id());
        assertEquals(1, sql.count("SELECT count(*) FROM account_token WHERE account_id = ?", old.id()));
        Accounts.fresh(Role.VOLUNTEER); // a login elsewhere
        assertEquals(0, sql.count("SELECT count(*) FROM account_token WHERE account_id = ?", old.id()));
    }
}
