package org.vigie.account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Altcha;
import org.vigie.support.Api;
import org.vigie.support.Concurrently;
import org.vigie.support.Secrets;
import org.vigie.support.Sql;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.support.Api.PROBLEM;
import static org.vigie.support.Api.json;

/** Register, log in, who am I, log out; bad input, revoked tokens and password guessing. */
@QuarkusTest
class AuthResourceTest {

    private static final String PASSWORD = Secrets.password("une phrase de passe assez longue");
    /** Refused for its length, and never stored either. */
    private static final String TOO_SHORT = Secrets.password("Zq7-short");
    private static final String TOO_LONG = Secrets.password("Zq7-" + "too long ".repeat(25)); // over 200 characters

    @Inject
    Sql sql;

    @Inject
    LoginThrottle throttle;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    private static String newName() {
        return "user_" + Long.toString(System.nanoTime(), 36);
    }

    private static Response register(String username, String password, String email) {
        return json().body(Altcha.registration(username, password, email)).post("/api/auth/register");
    }

    private static String login(String username, String password) {
        return json().body(Map.of("username", username, "password", password)).post("/api/auth/login")
                .then().statusCode(200).extract().jsonPath().getString("token");
    }

    @Test
    void registerLogInAskWhoIAmAndLogOut() {
        String name = newName();
        register(name, PASSWORD, "me@example.org").then().statusCode(201)
                .header("Location", containsString("/api/accounts/" + name))
                .body("username", equalTo(name)).body("role", equalTo("volunteer"))
                .body("token", matchesPattern("[A-Za-z0-9_-]{43}"));

        Response login = json().body(Map.of("username", name.toUpperCase(), "password", PASSWORD)).post("/api/auth/login");
        login.then().statusCode(200).body("username", equalTo(name)).body("role", equalTo("volunteer"));
        String token = login.jsonPath().getString("token");

        given().header("Authorization", "Bearer " + token).get("/api/auth/me").then().statusCode(200)
                .body("username", equalTo(name)).body("role", equalTo("volunteer"))
                .body("$", not(hasKey("email"))).body("$", not(hasKey("passwordHash")));
        given().get("/api/accounts/{name}", name).then().statusCode(200).body("$", not(hasKey("email")));

        given().header("Authorization", "Bearer " + token).post("/api/auth/logout").then().statusCode(204);
        given().header("Authorization", "Bearer " + token).get("/api/auth/me").then().statusCode(401)
                .contentType(PROBLEM).header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("revoked"));
        Api.json().header("Authorization", "Bearer " + token).body(Api.feature(1, 1, Map.of())).post("/api/cameras")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void onlyHashesAreStored() {
        String name = newName();
        String token = register(name, PASSWORD, null).then().statusCode(201).extract().jsonPath().getString("token");
        assertTrue(sql.text("SELECT password_hash FROM account WHERE username = ?", name).startsWith("$2"));
        assertEquals(0, sql.count("SELECT count(*) FROM account_token WHERE token_sha256 = ?", token));
        assertEquals(1, sql.count("SELECT count(*) FROM account_token t JOIN account a ON a.id = t.account_id"
                + " WHERE a.username = ? AND t.token_sha256 = encode(sha256(convert_to(?, 'UTF8')), 'hex')", name, token));
    }

    @Test
    void aTakenNameIs409WhateverItsCase() {
        String name = newName();
        register(name, PASSWORD, null).then().statusCode(201);
        register(name.toUpperCase(), PASSWORD, null).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("/problems/username-taken")).body("errors.field", hasItem("username"));
    }

    @Test
    void badInputIs400NamingEachField() {
        register("a", TOO_SHORT, "not an address").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("username")).body("errors.field", hasItem("password"))
                .body("errors.field", hasItem("email"));
        register("name with spaces", PASSWORD, null).then().statusCode(400).body("errors[0].field", equalTo("username"));
        register(newName(), TOO_LONG, null).then().statusCode(400).body("errors[0].field", equalTo("password"));
        json().body("{").post("/api/auth/register").then().statusCode(400).contentType(PROBLEM);
        json().body("null").post("/api/auth/login").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void badTokensAre401Problems() {
        for (String header : new String[] {"Bearer nonsense", "Bearer " + "a".repeat(500), "Bearer "}) {
            given().header("Authorization", header).get("/api/auth/me").then().statusCode(401).contentType(PROBLEM)
                    .body("detail", not(containsString("Exception")));
        }
        given().get("/api/auth/me").then().statusCode(401).contentType(PROBLEM).body("status", equalTo(401));
        given().header("Authorization", "Bearer nonsense").get("/api/cameras?bbox=0,0,1,1").then().statusCode(200);
    }

    @Test
    void anExpiredTokenIs401() {
        String name = newName();
        String token = register(name, PASSWORD, null).then().statusCode(201).extract().jsonPath().getString("token");
        sql.update("UPDATE account_token SET expires_at = now() - interval '1 second'"
                + " WHERE account_id = (SELECT id FROM account WHERE username = ?)", name);
        given().header("Authorization", "Bearer " + token).get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void repeatedFailedLoginsAreThrottledWithRetryAfter() {
        String name = newName();
        register(name, PASSWORD, null).then().statusCode(201);
        for (int i = 0; i < 5; i++) {
            json().body(Map.of("username", name, "password", Secrets.password("wrong password " + i))).post("/api/auth/login")
                    .then().statusCode(401).contentType(PROBLEM).body("type", equalTo("/problems/bad-credentials"));
        }
        // Even the right password waits now: the guesser cannot tell which one was right.
        Response throttled = json().body(Map.of("username", name.toUpperCase(), "password", PASSWORD)).post("/api/auth/login");
        throttled.then().statusCode(429).contentType(PROBLEM).body("type", equalTo("/problems/too-many-login-attempts"));
        int retryAfter = Integer.parseInt(throttled.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60 + 1, "Retry-After " + retryAfter);

        // Once the failures are older than the window, the right password works again.
        sql.update("UPDATE login_failure SET failed_at = failed_at - interval '16 minutes' WHERE username_key = ?",
                throttle.key(name));
        login(name, PASSWORD);
    }

    @Test
    void anUnknownNameFailsLikeAWrongPassword() {
        json().body(Map.of("username", newName(), "password", PASSWORD)).post("/api/auth/login")
                .then().statusCode(401).contentType(PROBLEM).body("type", equalTo("/problems/bad-credentials"));
    }

    @Test
    void theSameNameRegisteredAtOnceIsOne201AndThe409sOfTheOthers() throws Exception {
        String name = newName();
        List<Integer> codes = Concurrently.run(8, i -> () -> register(name, PASSWORD, null).statusCode());
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
        assertEquals(7, codes.stream().filter(c -> c == 409).count(), codes.toString());
        assertEquals(1, sql.count("SELECT count(*) FROM account WHERE lower(username) = lower(?)", name));
    }

    @Test
    void aDatabaseFailureThatIsNotANameClashDoesNotSayTheNameIsTaken() {
        String name = newName();
        // A serialization failure at the insert, for this one name only: the client may retry (503).
        sql.update("CREATE FUNCTION refuse_" + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF NEW.username = '" + name + "' THEN RAISE EXCEPTION 'refused' USING ERRCODE = '40001'; END IF;"
                + " RETURN NEW; END $$");
        sql.update("CREATE TRIGGER refuse_" + name + " BEFORE INSERT ON account FOR EACH ROW EXECUTE FUNCTION refuse_" + name + "()");
        try {
            register(name, PASSWORD, null).then().statusCode(503).contentType(PROBLEM)
                    .body("type", not(equalTo("/problems/username-taken")));
        } finally {
            sql.update("DROP TRIGGER refuse_" + name + " ON account");
            sql.update("DROP FUNCTION refuse_" + name + "()");
        }
        assertEquals(0, sql.count("SELECT count(*) FROM account WHERE username = ?", name));
        register(name, PASSWORD, null).then().statusCode(201);
    }
}
