package org.vigie.moderation;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.support.Accounts;
import org.vigie.support.Accounts.TestAccount;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.support.Api.PROBLEM;
import static org.vigie.support.Api.json;

/** Suspending an account: its sessions end, its logins answer 403, and who may suspend whom. */
@QuarkusTest
class SuspensionTest {

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    private static String suspensionUrl(TestAccount account) {
        return "/api/moderation/accounts/" + account.username() + "/suspension";
    }

    @Test
    void aSuspendedAccountLosesItsSessionsAndItsLoginSaysWhyAndUntilWhen() {
        TestAccount vandal = Accounts.established(Role.VOLUNTEER);
        TestAccount otherSession = Accounts.anotherSession(vandal);
        TestAccount moderator = Accounts.moderator();
        double[] spot = Api.freshSpot();
        String until = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).withNano(0).toString();

        moderator.request().body(Map.of("reason", "fausses caméras en série", "until", until)).post(suspensionUrl(vandal))
                .then().statusCode(200).body("username", equalTo(vandal.username()))
                .body("reason", equalTo("fausses caméras en série")).body("by", equalTo(moderator.username()))
                .body("sessionsEnded", equalTo(2));

        // Both sessions are over: the next write is refused, and says why (the app keeps it with the reason).
        vandal.request().queryParam("confirmDuplicate", "true").body(Api.feature(spot[0], spot[1], Map.of()))
                .post("/api/cameras").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("/problems/account-suspended")).body("reason", equalTo("fausses caméras en série"));
        otherSession.authorized().get("/api/auth/me").then().statusCode(403)
                .body("type", equalTo("/problems/account-suspended"));
        String answered = json().body(Map.of("username", vandal.username(), "password", Accounts.PASSWORD)).post("/api/auth/login")
                .then().statusCode(403).contentType(PROBLEM).body("type", equalTo("/problems/account-suspended"))
                .body("reason", equalTo("fausses caméras en série")).extract().jsonPath().getString("until");
        assertTrue(OffsetDateTime.parse(answered).isEqual(OffsetDateTime.parse(until)), answered + " for " + until);
        // A wrong password still answers 401: the suspension is told only to whoever knows the password.
        json().body(Map.of("username", vandal.username(), "password", Accounts.PASSWORD + "x")).post("/api/auth/login")
                .then().statusCode(401);

        // The log says who did it and why.
        moderator.authorized().get("/api/moderation/log?limit=50").then().statusCode(200)
                .body("find { it.action == 'suspend' && it.account == '" + vandal.username() + "' }.reason",
                        equalTo("fausses caméras en série"))
                .body("find { it.action == 'suspend' && it.account == '" + vandal.username() + "' }.moderator",
                        equalTo(moderator.username()))
                // its facts as data, for the web app to word (no English sentence to parse back)
                .body("find { it.action == 'suspend' && it.account == '" + vandal.username() + "' }.facts.keySet()",
                        anyOf(equalTo(java.util.Set.of("until")), equalTo(java.util.Set.of("untilLifted"))));

        // Lifted: the account logs in again.
        moderator.authorized().delete(suspensionUrl(vandal)).then().statusCode(204);
        moderator.authorized().delete(suspensionUrl(vandal)).then().statusCode(404);
        json().body(Map.of("username", vandal.username(), "password", Accounts.PASSWORD)).post("/api/auth/login")
                .then().statusCode(200);
        // The sessions the suspension ended stay ended: a revoked token, like any other.
        otherSession.authorized().get("/api/auth/me").then().statusCode(401);
        moderator.authorized().get("/api/moderation/log?limit=50").then()
                .body("findAll { it.account == '" + vandal.username() + "' }.action", equalTo(java.util.List.of("lift-suspension", "suspend")));
    }

    @Test
    void aSuspensionWithoutEndHoldsUntilLiftedAndOneThatEndedNoLongerHolds() {
        TestAccount vandal = Accounts.established(Role.VOLUNTEER);
        Accounts.moderator().request().body(Map.of("reason", "vandalisme")).post(suspensionUrl(vandal))
                .then().statusCode(200).body("until", nullValue());
        json().body(Map.of("username", vandal.username(), "password", Accounts.PASSWORD)).post("/api/auth/login")
                .then().statusCode(403).body("until", nullValue()).body("detail", containsString("lifts"));
        sql.update("UPDATE account SET suspended_until = now() - interval '1 second' WHERE id = ?", vandal.id());
        json().body(Map.of("username", vandal.username(), "password", Accounts.PASSWORD)).post("/api/auth/login")
                .then().statusCode(200);
    }

    @Test
    void whoMaySuspendWhom() {
        TestAccount moderator = Accounts.moderator();
        TestAccount otherModerator = Accounts.established(Role.MODERATOR);
        TestAccount admin = Accounts.admin();
        TestAccount volunteer = Accounts.established(Role.VOLUNTEER);
        Map<String, String> body = Map.of("reason", "test");

        volunteer.request().body(body).post(suspensionUrl(Accounts.established(Role.VOLUNTEER))).then().statusCode(403);
        given().contentType("application/json").body(body).post(suspensionUrl(volunteer)).then().statusCode(401);
        moderator.request().body(body).post(suspensionUrl(otherModerator)).then().statusCode(403).contentType(PROBLEM);
        moderator.request().body(body).post(suspensionUrl(admin)).then().statusCode(403).contentType(PROBLEM);
        moderator.request().body(body).post(suspensionUrl(moderator)).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("/problems/own-suspension"));
        admin.request().body(body).post(suspensionUrl(admin)).then().statusCode(409);
        moderator.request().body(body).post("/api/moderation/accounts/nobody_here_at_all/suspension").then().statusCode(404);
        // An admin may suspend a moderator.
        admin.request().body(body).post(suspensionUrl(otherModerator)).then().statusCode(200);
        json().body(Map.of("username", otherModerator.username(), "password", Accounts.PASSWORD)).post("/api/auth/login")
                .then().statusCode(403);
    }

    @Test
    void badSuspensionsAre400NamingTheField() {
        TestAccount target = Accounts.established(Role.VOLUNTEER);
        TestAccount moderator = Accounts.moderator();
        moderator.request().body(Map.of("reason", "  ")).post(suspensionUrl(target)).then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("reason"));
        moderator.request().body(Map.of("reason", "x".repeat(501))).post(suspensionUrl(target)).then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        moderator.request().body(Map.of("reason", "spam", "until", "tomorrow")).post(suspensionUrl(target)).then()
                .statusCode(400).body("errors.field", hasItem("until"));
        moderator.request().body(Map.of("reason", "spam", "until", "2020-01-01T00:00:00Z")).post(suspensionUrl(target)).then()
                .statusCode(400).body("errors.field", hasItem("until"));
        target.authorized().get("/api/auth/me").then().statusCode(200);
    }
}
