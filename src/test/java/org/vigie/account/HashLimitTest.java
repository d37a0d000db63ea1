package org.vigie.account;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Accounts.TestAccount;
import org.vigie.support.Api;
import org.vigie.support.Concurrently;
import org.vigie.support.DefendedInstance;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.support.Api.json;

/** A flood of logins gets 503 with Retry-After past the configured number of password checks at once. */
@QuarkusTest
@TestProfile(DefendedInstance.class)
class HashLimitTest {

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    private record Answer(int status, String retryAfter, String type) {
    }

    @Test
    void fiftyLoginsAtOnceAreEachAnsweredAndThoseOverTheLimitAre503WithRetryAfter() throws Exception {
        TestAccount account = Accounts.established(Role.VOLUNTEER);
        // Anonymous guesses of 50 different names (one login per name runs at a time anyway): each
        // unknown name costs a bcrypt check, as a known one does.
        String prefix = "flood_" + Long.toString(System.nanoTime(), 36) + "_";
        List<Answer> answers = Concurrently.run(50, i -> () -> {
            Response r = json().body(Map.of("username", prefix + i, "password", Accounts.PASSWORD)).post("/api/auth/login");
            return new Answer(r.statusCode(), r.header("Retry-After"), r.jsonPath().getString("type"));
        });
        long checked = answers.stream().filter(a -> a.status() == 401).count();
        List<Answer> busy = answers.stream().filter(a -> a.status() == 503).toList();
        assertEquals(50, checked + busy.size(), "every answer is a checked login (401) or a 503: " + answers);
        assertTrue(checked >= DefendedInstance.CONCURRENT_HASHES, "at least as many checks as run at once: " + answers);
        assertTrue(!busy.isEmpty(), "50 bcrypt checks at cost 10 at once exceed 2 at a time: " + answers);
        for (Answer a : busy) {
            assertEquals("1", a.retryAfter(), a.toString());
            assertEquals("/problems/password-checks-busy", a.type(), a.toString());
        }
        // Once the flood is over, logins are checked again.
        json().body(Map.of("username", account.username(), "password", Accounts.PASSWORD)).post("/api/auth/login")
                .then().statusCode(200);
    }
}
