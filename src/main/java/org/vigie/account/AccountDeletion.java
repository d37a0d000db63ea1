package org.vigie.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * An account deleted by its holder: what identifies them goes (the e-mail address, the name they
 * chose, the password, every session); what they gave the map stays, as OpenStreetMap keeps a
 * deleted user's edits: their versions and photos, now signed by a neutral name (deleted-ID).
 * The password is asked again, so that a token left on a shared phone cannot delete the account.
 */
@ApplicationScoped
public class AccountDeletion {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Passwords passwords;
    private final Tokens tokens;
    private final LoginThrottle throttle;

    public AccountDeletion(Passwords passwords, Tokens tokens, LoginThrottle throttle) {
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    /** Answers the neutral name the account's contributions now carry. */
    @Transactional(dontRollbackOn = WrongPassword.class)
    public String delete(Account holder, String password) {
        if (password == null || password.isEmpty()) {
            throw ProblemException.invalid("password", "is required: the account's password");
        }
        throttle.check(holder.username);
        Account account = Account.findById(holder.id);
        if (password.length() > AccountRules.MAX_PASSWORD || !passwords.matches(password, account.passwordHash)) {
            throttle.recordFailure(holder.username);
            throw new WrongPassword();
        }
        throttle.clear(holder.username);
        if (account.role == Role.ADMIN && Account.countWithRole(Role.ADMIN) == 1) {
            throw new ProblemException(409, "last-admin", "The instance's last admin",
                    "this is the instance's only admin account: make another account admin first");
        }
        String chosen = account.username;
        String neutral = AccountRules.DELETED_PREFIX + account.id;
        account.username = neutral;
        account.email = null;
        // A hash of a secret nobody holds: no password opens the account again.
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        account.passwordHash = passwords.hash(Base64.getEncoder().encodeToString(secret));
        account.role = Role.VOLUNTEER;
        account.deletedAt = Tokens.now();
        account.flush();
        // Photos name their uploader (and the moderator who removed one) by user name.
        Account.getEntityManager().createNativeQuery("UPDATE photo SET uploaded_by = ?2 WHERE uploaded_by = ?1")
                .setParameter(1, chosen).setParameter(2, neutral).executeUpdate();
        Account.getEntityManager().createNativeQuery("UPDATE photo SET removed_by = ?2 WHERE removed_by = ?1")
                .setParameter(1, chosen).setParameter(2, neutral).executeUpdate();
        tokens.revokeAll(account.id);
        return neutral;
    }

    /** 403, not 401: the session is valid, the password given is not; the app must not log out. */
    public static final class WrongPassword extends ProblemException {
        public WrongPassword() {
            super(403, "wrong-password", "Wrong password", "the password is wrong: the account was not deleted",
                    List.of(new FieldError("password", "is not this account's password")));
        }
    }
}
