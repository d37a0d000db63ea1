package org.vigie.account;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Accounts.TestAccount;
import org.vigie.support.Api;
import org.vigie.support.Concurrently;
import org.vigie.support.Secrets;
import org.vigie.support.Sql;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.support.Api.json;

/** The login throttle under parallel guesses, and what it keeps of the names tried. */
@QuarkusTest
class LoginThrottleTest {

    @Inject
    Sql sql;

    @Inject
    LoginThrottle throttle;

    @BeforeAll
    static void setUp() {
        Api.init();
    }

    private static int login(String username, String password) {
        return json().body(Map.of("username", username, "password", password)).post("/api/auth/login").statusCode();
    }

    @Test
    void parallelGuessesAreEachCountedOrRefusedAndNeverPassTheLimit() throws Exception {
        TestAccount target = Accounts.fresh(Role.VOLUNTEER);
        List<Integer> answers = Concurrently.run(30, i -> () -> login(target.username(), Secrets.password("wrong guess number " + i)));
        long refusedAsWrong = answers.stream().filter(s -> s == 401).count();
        assertEquals(30, refusedAsWrong + answers.stream().filter(s -> s == 429).count(), "only 401 and 429: " + answers);
        assertTrue(refusedAsWrong >= 1 && refusedAsWrong <= 5, "at most the 5 allowed failures were tried: " + answers);
        // Every guess that was tried is counted: none lost with a transaction of its own.
        assertEquals(refusedAsWrong, sql.count("SELECT count(*) FROM login_failure WHERE username_key = ?",
                throttle.key(target.username())));
    }

    @Test
    void theNameTypedIsNeverStoredAndOldFailuresAreForgotten() {
        String typedInTheNameField = Secrets.password("Mon Mot De Passe Secret " + System.nanoTime());
        sql.update("INSERT INTO login_failure (username_key, failed_at) VALUES ('someone else', now() - interval '16 minutes')");
        assertEquals(401, login(typedInTheNameField, Secrets.password("whatever was typed here")));

        assertEquals(0, sql.count("SELECT count(*) FROM login_failure WHERE username_key ILIKE ?", "%mot de passe%"));
        assertEquals(1, sql.count("SELECT count(*) FROM login_failure WHERE username_key = ?",
                throttle.key(typedInTheNameField)));
        // Nor a plain digest of it, which a dictionary would reverse.
        assertEquals(0, sql.count("SELECT count(*) FROM login_failure"
                + " WHERE username_key = encode(sha256(convert_to(lower(?), 'UTF8')), 'hex')", typedInTheNameField));
        assertEquals(0, sql.count("SELECT count(*) FROM login_failure WHERE failed_at < now() - interval '15 minutes'"));
    }
}
