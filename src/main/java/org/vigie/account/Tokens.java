package org.vigie.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Bearer tokens: 256 random bits, given to the client once; the database keeps only their SHA-256
 * (a fast hash is enough for a random secret of this size), with when they expire or were revoked.
 */
@ApplicationScoped
public class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_TOKEN_LENGTH = 100;

    private final AccountConfig config;

    public Tokens(AccountConfig config) {
        this.config = config;
    }

    /** A new token for the account; the returned string is the only copy of it. */
    @Transactional
    public String issue(Account account) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        AccountToken stored = new AccountToken();
        stored.account = account;
        stored.tokenSha256 = digest(token);
        stored.createdAt = now();
        stored.expiresAt = stored.createdAt.plus(config.tokenLifetime());
        stored.persist();
        purgeExpired(stored.createdAt);
        return token;
    }

    /**
     * Tokens past their expiry open nothing: their rows go, as new tokens come (a login a second at
     * most, which the expiry index makes a short look-up; no scheduler to run beside the app, and
     * every instance purges the same table).
     */
    static long purgeExpired(OffsetDateTime now) {
        return AccountToken.delete("expiresAt < ?1", now);
    }

    /**
     * Ends every session of the account but the one {@code keptToken} opened (a password change,
     * "log out everywhere else"); answers how many were ended.
     */
    @Transactional
    public int revokeOthers(long accountId, String keptToken) {
        return AccountToken.update("revokedAt = ?1 where account.id = ?2 and revokedAt is null and tokenSha256 <> ?3",
                now(), accountId, digest(keptToken == null ? "" : keptToken));
    }

    /** The account a token opens, empty when it is unknown, expired or revoked. */
    @Transactional
    public Optional<Account> resolve(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return AccountToken.<AccountToken>find("tokenSha256", digest(token)).firstResultOptional()
                .filter(t -> t.usableAt(now()))
                // suspending revokes the tokens; this also covers a token issued some other way
                .filter(t -> !t.account.suspendedAt(now()))
                .map(t -> t.account);
    }

    /**
     * The suspended account a token opened before its suspension (the suspension revoked it): its
     * holder is told why rather than asked to log in again. Empty for any other token.
     */
    @Transactional
    public Optional<Account> suspendedHolder(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        return AccountToken.<AccountToken>find("tokenSha256", digest(token)).firstResultOptional()
                .filter(t -> t.expiresAt == null || t.expiresAt.isAfter(now))
                .map(t -> t.account)
                .filter(a -> a.suspendedAt(now));
    }

    /** Ends the session the token opened; true when it was still open. */
    @Transactional
    public boolean revoke(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return false;
        }
        return AccountToken.update("revokedAt = ?1 where tokenSha256 = ?2 and revokedAt is null", now(), digest(token)) > 0;
    }

    /** Ends every session of the account (a suspension); answers how many were open. */
    @Transactional
    public int revokeAll(long accountId) {
        return AccountToken.update("revokedAt = ?1 where account.id = ?2 and revokedAt is null", now(), accountId);
    }

    static String digest(String token) {
        return HexFormat.of().formatHex(Passwords.sha256(token.getBytes(StandardCharsets.UTF_8)));
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
