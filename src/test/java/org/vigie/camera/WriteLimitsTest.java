package org.vigie.camera;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Concurrently;
import org.vigie.support.Sql;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A new account adds 30 cameras per hour (vigie.limits.new-account-cameras-per-hour), then waits; moderators do not. */
@QuarkusTest
class WriteLimitsTest {

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    private static Response add(Accounts.TestAccount account) {
        double[] spot = Api.freshSpot();
        return account.request().body(Api.feature(spot[0], spot[1], Map.of())).post("/api/cameras");
    }

    @Test
    void aYoungAccountGets429WithRetryAfterPastItsQuota() {
        Accounts.TestAccount young = Accounts.fresh(Role.VOLUNTEER);
        for (int i = 0; i < 30; i++) {
            add(young).then().statusCode(201);
        }
        Response refused = add(young);
        refused.then().statusCode(429).contentType(Api.PROBLEM).body("type", equalTo("/problems/rate-limited"))
                .body("detail", containsString("30 new cameras per hour"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 3601, "Retry-After " + retryAfter);
        assertEquals(30, sql.count("SELECT count(*) FROM camera WHERE created_by = ?", young.id()));

        // Other accounts are not held back by it.
        add(Accounts.fresh(Role.VOLUNTEER)).then().statusCode(201);
        // A day later the account is established and its quota is the larger one.
        sql.update("UPDATE account SET created_at = now() - interval '25 hours' WHERE id = ?", young.id());
        add(young).then().statusCode(201);
    }

    @Test
    void moderatorsAndAdminsEnteringAnOfficialListAreNotHeldBackByTheHourlyQuota() {
        for (Role role : List.of(Role.MODERATOR, Role.ADMIN)) {
            Accounts.TestAccount young = Accounts.fresh(role);
            double[] spot = Api.freshSpot();
            for (int i = 0; i < 35; i++) {
                young.request().queryParam("confirmDuplicate", "true")
                        .body(Api.feature(spot[0] + i * 0.0005, spot[1], Map.of())).post("/api/cameras")
                        .then().statusCode(201);
            }
            assertEquals(35, sql.count("SELECT count(*) FROM camera WHERE created_by = ?", young.id()));
        }
    }

    @Test
    void theQuotaCountsTheLastHourOnly() {
        Accounts.TestAccount young = Accounts.fresh(Role.VOLUNTEER);
        for (int i = 0; i < 30; i++) {
            add(young).then().statusCode(201);
        }
        sql.update("UPDATE camera_version SET created_at = created_at - interval '61 minutes' WHERE author_id = ?", young.id());
        add(young).then().statusCode(201);
    }

    @Test
    void additionsRacingAtTheQuotasEdgeCannotAllPass() throws Exception {
        Accounts.TestAccount young = Accounts.fresh(Role.VOLUNTEER);
        for (int i = 0; i < 28; i++) {
            add(young).then().statusCode(201);
        }
        List<Integer> statuses = Concurrently.run(20, i -> () -> add(young).statusCode());
        assertEquals(2, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(18, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        assertEquals(30, sql.count("SELECT count(*) FROM camera WHERE created_by = ?", young.id()));
    }
}
