package org.vigie.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.vigie.common.problem.TooManyRequests;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Slows down password guessing per user name, never per address: Vigie stores no IP address.
 * The failures are in the database, so the instances of one deployment (given the same
 * {@code vigie.accounts.login-key}) count the same ones. Someone
 * can lock a known name out for the window this way; that is the price of storing no address,
 * and the lock lifts by itself. A failure keeps only a keyed digest of the name typed (people
 * type their password there too), deleted at the next login once it has left the window.
 */
@ApplicationScoped
public class LoginThrottle {

    private final AccountConfig config;
    private final SecretKeySpec nameKey;

    public LoginThrottle(AccountConfig config) {
        this.config = config;
        byte[] secret = config.loginKey().map(k -> k.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] drawn = new byte[32];
            new SecureRandom().nextBytes(drawn);
            return drawn;
        });
        this.nameKey = new SecretKeySpec(secret, "HmacSHA256");
    }

    /**
     * Throws a 429 when the name had too many failures within the window, or when another login for
     * it is under way. Must run in the login's transaction, which records the failure too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void check(String username) {
        // One login per name at a time, until the login's transaction ends: parallel guesses would
        // otherwise all read the count before any of their failures is written. The others are
        // refused at once rather than queued, each holding a database connection while it waits.
        boolean alone = (Boolean) LoginFailure.getEntityManager()
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(?1, 0))", Boolean.class)
                .setParameter(1, "vigie-login:" + key(username)).getSingleResult();
        if (!alone) {
            throw TooManyRequests.after(1, "too-many-login-attempts", "Login in progress",
                    "another login for this name is under way: try again in 1 s");
        }
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

    /** In the login's transaction, which commits although the login answers an error. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordFailure(String username) {
        LoginFailure failure = new LoginFailure();
        failure.usernameKey = key(username);
        failure.failedAt = Tokens.now();
        failure.persist();
        forgetOld(failure.failedAt);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void clear(String username) {
        LoginFailure.delete("usernameKey", key(username));
        forgetOld(Tokens.now());
    }

    /** Failures outside the window count for nothing: none is kept longer. */
    private void forgetOld(OffsetDateTime now) {
        LoginFailure.delete("failedAt < ?1", now.minus(config.loginWindow()));
    }

    /** The name in lower case, keyed with the secret: what was typed is never stored, nor a plain digest of it. */
    String key(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(nameKey);
            return HexFormat.of().formatHex(mac.doFinal(username.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /** Projection: only the time of a failure. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    public record FailedAt(OffsetDateTime failedAt) {
    }
}
