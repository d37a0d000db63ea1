package org.vigie.common.problem;

import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Per-account hourly quotas, counted from the tables themselves (the cameras, versions,
 * confirmations, reports or photos an account wrote in the last hour): the refusal, and when it lifts.
 */
public final class HourlyQuota {

    public static final Duration WINDOW = Duration.ofHours(1);

    private HourlyQuota() {
    }

    /**
     * Counts the account's quotas one request at a time, until the caller's transaction ends: two
     * requests racing at the quota's edge would otherwise both count the same past and both pass.
     * Take it before any row lock, so that it is always taken in the same order.
     */
    public static void lock(EntityManager em, long accountId) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "vigie-quota:" + accountId).getSingleResult();
    }

    /**
     * The 429 for an account that reached its quota: {@code oldestCounted} is the quota-th most
     * recent action, and once it is an hour old one more is allowed.
     */
    public static TooManyRequests exceeded(OffsetDateTime now, OffsetDateTime oldestCounted, int quota,
                                           String title, String what, String forWhom) {
        long seconds = Math.max(1, Duration.between(now, oldestCounted.plus(WINDOW)).toSeconds() + 1);
        return TooManyRequests.after(seconds, "rate-limited", title,
                "at most " + quota + " " + what + " per hour" + forWhom + ": try again in " + seconds + " s");
    }

    /** How the detail names the stricter quota of a new account, or nothing for an established one. */
    public static String forNewAccount(boolean young, Duration newAccountAge) {
        return young ? " for an account younger than " + newAccountAge.toHours() + " h" : "";
    }
}
