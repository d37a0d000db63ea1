package org.vigie.verification;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.support.Accounts;
import org.vigie.support.Accounts.TestAccount;
import org.vigie.support.Api;
import org.vigie.support.DefendedInstance;
import org.vigie.support.Sql;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two fresh accounts can neither verify an invented camera nor remove a real one: their votes are
 * recorded and wait until the accounts are a week old, when the ripening counts them.
 */
@QuarkusTest
@TestProfile(DefendedInstance.class)
class NewAccountVotesTest {

    @Inject
    Sql sql;

    @Inject
    VoteRipening ripening;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    private void ageByEightDays(TestAccount... accounts) {
        for (TestAccount a : accounts) {
            sql.update("UPDATE account SET created_at = created_at - interval '8 days' WHERE id = ?", a.id());
        }
    }

    @Test
    void twoFreshAccountsCannotVerifyAnInventedCameraUntilTheyAreAWeekOld() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("operator", "Inventé"));
        TestAccount first = Accounts.fresh(Role.VOLUNTEER);
        TestAccount second = Accounts.fresh(Role.VOLUNTEER);
        for (TestAccount puppet : new TestAccount[] {first, second}) {
            puppet.authorized().post("/api/cameras/{id}/confirmations", id).then().statusCode(200)
                    .body("counted", equalTo(false)).body("reason", equalTo("account-too-new"))
                    .body("status", equalTo("reported")).body("confirmations", equalTo(0));
        }
        given().get("/api/cameras/{id}", id).then().body("properties.status", equalTo("reported"));
        assertEquals(2, sql.count("SELECT count(*) FROM camera_confirmation WHERE camera_id = ? AND NOT counted", id));

        ripening.ripen();
        given().get("/api/cameras/{id}", id).then().body("properties.status", equalTo("reported"));

        ageByEightDays(first, second);
        ripening.ripen();
        given().get("/api/cameras/{id}", id).then().body("properties.status", equalTo("verified"))
                .body("properties.confirmations", equalTo(2));
        assertEquals(0, sql.count("SELECT count(*) FROM camera_confirmation WHERE camera_id = ? AND NOT counted", id));
        // Counted once: a second ripening changes nothing.
        ripening.ripen();
        assertEquals(2, sql.count("SELECT confirmations FROM camera WHERE id = ?", id));
    }

    @Test
    void twoFreshAccountsCannotRemoveARealCameraButModeratorsSeeTheirReports() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("operator", "Réelle"));
        TestAccount first = Accounts.fresh(Role.VOLUNTEER);
        TestAccount second = Accounts.fresh(Role.VOLUNTEER);
        for (TestAccount puppet : new TestAccount[] {first, second}) {
            puppet.request().body(Map.of("reason", "gone")).post("/api/cameras/{id}/reports", id).then().statusCode(201)
                    .body("reportId", notNullValue()).body("counted", equalTo(false))
                    .body("reason", equalTo("account-too-new")).body("status", equalTo("reported"));
        }
        given().get("/api/cameras/{id}", id).then().body("properties.status", equalTo("reported"));
        Accounts.moderator().authorized().get("/api/moderation/reports?limit=1000").then()
                .body("findAll { it.cameraId == " + id + " }.size()", equalTo(2));

        ageByEightDays(first, second);
        ripening.ripen();
        given().get("/api/cameras/{id}", id).then().body("properties.status", equalTo("removed"));
    }

    @Test
    void anEstablishedAccountsVoteCountsAtOnce() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of());
        TestAccount old = Accounts.fresh(Role.VOLUNTEER);
        ageByEightDays(old);
        old.request().body(Map.of("reason", "wrong_details")).post("/api/cameras/{id}/reports", id).then().statusCode(201)
                .body("counted", equalTo(true)).body("status", equalTo("disputed"));
    }
}
