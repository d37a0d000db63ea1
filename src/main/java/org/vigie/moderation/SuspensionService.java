package org.vigie.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.vigie.account.Account;
import org.vigie.account.CurrentAccount;
import org.vigie.account.Role;
import org.vigie.account.Tokens;
import org.vigie.common.problem.ProblemException;

import java.time.OffsetDateTime;

/**
 * Suspending an account: its sessions end at once and its logins answer 403 until the suspension
 * ends or is lifted. Moderators suspend volunteers; only an admin suspends a moderator or an admin;
 * nobody suspends themselves.
 */
@ApplicationScoped
public class SuspensionService {

    public static final int MAX_REASON = 500;

    private final CurrentAccount current;
    private final Tokens tokens;
    private final ModerationLog log;

    public SuspensionService(CurrentAccount current, Tokens tokens, ModerationLog log) {
        this.current = current;
        this.tokens = tokens;
        this.log = log;
    }

    /** What a suspension left: the account, why, since and until when (null: until lifted), sessions ended. */
    public record Suspension(String username, String reason, OffsetDateTime since, OffsetDateTime until, String by,
                             int sessionsEnded) {
    }

    @Transactional
    public Suspension suspend(String username, String reason, OffsetDateTime until) {
        Account moderator = current.require();
        Account target = target(username, moderator);
        target.suspendedAt = Tokens.now();
        target.suspendedUntil = until;
        target.suspensionReason = reason;
        target.suspendedBy = moderator.id;
        target.flush();
        int ended = tokens.revokeAll(target.id);
        log.record(moderator.id, ModerationLog.Action.SUSPEND, null, target.id, null, reason,
                ModerationLog.Facts.suspended(until));
        return new Suspension(target.username, reason, target.suspendedAt, until, moderator.username, ended);
    }

    /** Lifts the suspension; 404 when the account is not suspended. */
    @Transactional
    public void lift(String username) {
        Account moderator = current.require();
        Account target = target(username, moderator);
        if (target.suspendedAt == null) {
            throw ProblemException.notFound(username + " is not suspended");
        }
        target.suspendedAt = null;
        target.suspendedUntil = null;
        target.suspensionReason = null;
        target.suspendedBy = null;
        log.record(moderator.id, ModerationLog.Action.LIFT_SUSPENSION, null, target.id, null, null, ModerationLog.Facts.NONE);
    }

    private Account target(String username, Account moderator) {
        Account target = Account.byUsername(username)
                .map(a -> Account.<Account>findById(a.id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> ProblemException.notFound("no account is named " + username));
        if (target.id.equals(moderator.id)) {
            throw new ProblemException(409, "own-suspension", "Cannot suspend yourself",
                    "nobody suspends their own account: another moderator must");
        }
        if (target.role.includes(Role.MODERATOR) && !current.isAdmin()) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "only an admin can suspend a moderator or an admin, or lift their suspension");
        }
        return target;
    }
}
