package org.vigie.verification;

import jakarta.enterprise.context.ApplicationScoped;
import org.vigie.account.Account;
import org.vigie.camera.CameraService;
import org.vigie.camera.WriteLimits;
import org.vigie.camera.WriteLimitsConfig;
import org.vigie.common.problem.HourlyQuota;

import java.time.OffsetDateTime;

/**
 * Per-account quota on confirmations and reports together, stricter while the account is new: a
 * throwaway account cannot verify or remove a city's cameras in an afternoon. Counted from the
 * confirmation and report tables themselves.
 */
@ApplicationScoped
class VerificationLimits {

    private final VerificationConfig config;
    private final WriteLimits writes;
    private final WriteLimitsConfig accounts;

    VerificationLimits(VerificationConfig config, WriteLimits writes, WriteLimitsConfig accounts) {
        this.config = config;
        this.writes = writes;
        this.accounts = accounts;
    }

    /** Throws 429 past the quota; holds the account's quota lock until the transaction ends. */
    void check(Account account) {
        HourlyQuota.lock(Account.getEntityManager(), account.id);
        OffsetDateTime now = CameraService.now();
        boolean young = writes.isYoung(account);
        int quota = young ? config.newAccountPerHour() : config.perHour();
        OffsetDateTime since = now.minus(HourlyQuota.WINDOW);
        OffsetDateTime oldest = (OffsetDateTime) Account.getEntityManager().createNativeQuery(
                        "SELECT min(at) FROM (SELECT at FROM ("
                                + " SELECT first_at AS at FROM camera_confirmation WHERE account_id = ?1 AND first_at > ?2"
                                + " UNION ALL SELECT created_at FROM camera_report WHERE account_id = ?1 AND created_at > ?2) recent"
                                + " ORDER BY at DESC LIMIT ?3) counted HAVING count(*) >= ?3", OffsetDateTime.class)
                .setParameter(1, account.id).setParameter(2, since).setParameter(3, quota)
                .getResultStream().findFirst().orElse(null);
        if (oldest != null) {
            throw HourlyQuota.exceeded(now, oldest, quota, "Too many confirmations and reports",
                    "confirmations and reports", HourlyQuota.forNewAccount(young, accounts.newAccountAge()));
        }
    }
}
