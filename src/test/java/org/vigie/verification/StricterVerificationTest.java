package org.vigie.verification;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.support.Accounts;
import org.vigie.support.Accounts.TestAccount;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.vigie.verification.ConfirmationsTest.cameraBy;
import static org.vigie.verification.ConfirmationsTest.confirm;

/**
 * A collective that sets its own rules: three independent confirmations to verify a camera, and a
 * re-check due after an hour. The only test class with a profile of its own (Quarkus restarts for
 * it), and the database is kept across that restart: the test classes share it, and the privacy
 * audit after the suite reads what they wrote.
 */
@QuarkusTest
@TestProfile(StricterVerificationTest.StricterRules.class)
class StricterVerificationTest {

    public static class StricterRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigie.verification.confirmations-to-verify", "3",
                    "vigie.verification.recheck-after", "PT1H",
                    "quarkus.flyway.clean-at-start", "false");
        }
    }

    @Inject
    Sql sql;

    @BeforeAll
    static void setUp() {
        Api.init();
    }

    @Test
    void aCameraIsVerifiedAfterThreeIndependentConfirmationsNotTwo() {
        TestAccount author = Accounts.fresh(Role.VOLUNTEER);
        long id = cameraBy(author);
        confirm(author, id).body("counted", equalTo(false)); // the author's own never counts
        for (int i = 1; i <= 2; i++) {
            confirm(Accounts.fresh(Role.VOLUNTEER), id).statusCode(201).body("confirmations", equalTo(i));
        }
        given().get("/api/cameras/{id}", id).then().body("properties.confirmations", equalTo(2))
                .body("properties.status", equalTo("reported"));
        confirm(Accounts.fresh(Role.VOLUNTEER), id).statusCode(201).body("confirmations", equalTo(3));
        given().get("/api/cameras/{id}", id).then().body("properties.confirmations", equalTo(3))
                .body("properties.status", equalTo("verified"));
    }

    @Test
    void aCameraNobodyConfirmedForAnHourIsFlaggedToRecheck() {
        TestAccount author = Accounts.fresh(Role.VOLUNTEER);
        long confirmed = cameraBy(author);
        confirm(Accounts.fresh(Role.VOLUNTEER), confirmed).statusCode(201);
        sql.update("UPDATE camera SET created_at = now() - interval '1 day', last_confirmed_at = now() - interval '50 minutes' WHERE id = ?",
                confirmed);
        given().get("/api/cameras/{id}", confirmed).then().body("properties.toRecheck", equalTo(false));
        sql.update("UPDATE camera SET last_confirmed_at = now() - interval '70 minutes' WHERE id = ?", confirmed);
        given().get("/api/cameras/{id}", confirmed).then().body("properties.toRecheck", equalTo(true));

        long neverConfirmed = cameraBy(author);
        given().get("/api/cameras/{id}", neverConfirmed).then().body("properties.toRecheck", equalTo(false));
        sql.update("UPDATE camera SET created_at = now() - interval '70 minutes' WHERE id = ?", neverConfirmed);
        given().get("/api/cameras/{id}", neverConfirmed).then().body("properties.toRecheck", equalTo(true));
    }
}
