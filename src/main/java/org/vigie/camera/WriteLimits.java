package org.vigie.camera;

import jakarta.enterprise.context.ApplicationScoped;
import org.vigie.account.Account;
import org.vigie.account.Role;
import org.vigie.common.problem.HourlyQuota;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Per-account quotas, counted from the history itself (the versions an account wrote in the last
 * hour), so they hold across instances without a store of their own. One account's writes are
 * counted one at a time ({@link HourlyQuota#lock}), so racing writes cannot pass the quota together.
 */
@ApplicationScoped
public class WriteLimits {

    private final WriteLimitsConfig config;

    public WriteLimits(WriteLimitsConfig config) {
        this.config = config;
    }

    /** Throws 429 when the account already added its quota of cameras in the last hour. */
    public void checkCreate(Account author) {
        if (author.role.includes(Role.MODERATOR)) {
            return; // a collective entering an official list row by row: the instance trusts its moderators
        }
        boolean young = isYoung(author);
        check(author.id, List.of("create"), young ? config.newAccountCamerasPerHour() : config.camerasPerHour(),
                "new cameras", young);
    }

    /** Throws 429 when the account already made its quota of edits and deletions in the last hour. */
    public void checkEdit(Account author) {
        if (author.role.includes(Role.MODERATOR)) {
            return; // a moderator's revert of a vandal writes thousands of versions in their name
        }
        boolean young = isYoung(author);
        check(author.id, List.of("update", "delete", "revert"),
                young ? config.newAccountEditsPerHour() : config.editsPerHour(), "edits", young);
    }

    /** Whether the account is still new: its quotas, and those on confirmations and reports, are stricter. */
    public boolean isYoung(Account author) {
        return author.createdAt.isAfter(CameraService.now().minus(config.newAccountAge()));
    }

    private void check(long authorId, List<String> actions, int quota, String what, boolean young) {
        HourlyQuota.lock(CameraVersion.getEntityManager(), authorId);
        OffsetDateTime now = CameraService.now();
        OffsetDateTime since = now.minus(HourlyQuota.WINDOW);
        // The quota-th most recent write: once it is an hour old, one more is allowed.
        List<OffsetDateTime> recent = CameraVersion.getEntityManager().createQuery(
                        "select v.createdAt from CameraVersion v where v.author.id = ?1 and v.action in ?2"
                                + " and v.createdAt > ?3 order by v.createdAt desc", OffsetDateTime.class)
                .setParameter(1, authorId).setParameter(2, actions).setParameter(3, since)
                .setMaxResults(quota).getResultList();
        if (recent.size() >= quota) {
            throw HourlyQuota.exceeded(now, recent.get(recent.size() - 1), quota, "Too many writes", what,
                    HourlyQuota.forNewAccount(young, config.newAccountAge()));
        }
    }
}
