package org.vigie.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.vigie.common.problem.TooManyRequests;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Slows down password guessing per user name, never per address: Vigie stores no IP address.
 * The failures are in the database, so every instance of the app counts the same ones. Someone
 * can lock a known name out for the window this way; that is the price of storing no address,
 * and the lock lifts by itself.
 */
@ApplicationScoped
public class LoginThrottle {

    private final AccountConfig config;

    public LoginThrottle(AccountConfig config) {
        this.config = config;
    }

    /** Throws a 429 when the name had too many failures within the window. */
    @Transactional
    public void check(String username) {
        // One login per name at a time, until the caller's transaction ends: parallel guesses would
        // otherwise all read the count before any of their failures is written.
        LoginFailure.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "vigie-login:" + key(username)).getSingleResult();
        OffsetDateTime since = Tokens.now().minus(config.loginWindow());
        List<OffsetDateTime> recent = LoginFailure.find("usernameKey = ?1 and failedAt > ?2 order by failedAt desc",
                        key(username), since)
                .page(0, config.loginFailures()).project(FailedAt.class).list().stream().map(FailedAt::failedAt).toList();
        if (recent.size() >= config.loginFailures()) {
            // Allowed again once the oldest of these failures leaves the window.
            OffsetDateTime oldest = recent.get(recent.size() - 1);
            long seconds = Math.max(1, Duration.between(Tokens.now(), oldest.plus(config.loginWindow())).toSeconds() + 1);
            throw TooManyRequests.after(seconds, "too-many-login-attempts", "Too many failed logins",
                    "too many failed logins for this name: try again in " + seconds + " s");
        }
    }

    /** Kept even though the login that failed answers an error: its own transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(String username) {
        LoginFailure failure = new LoginFailure();
        failure.usernameKey = key(username);
        failure.failedAt = Tokens.now();
        failure.persist();
        LoginFailure.delete("usernameKey = ?1 and failedAt < ?2", failure.usernameKey,
                failure.failedAt.minus(config.loginWindow()));
    }

    @Transactional
    public void clear(String username) {
        LoginFailure.delete("usernameKey", key(username));
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    /** Projection: only the time of a failure. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    public record FailedAt(OffsetDateTime failedAt) {
    }
}
