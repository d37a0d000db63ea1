package org.vigie.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;

import java.util.List;

/**
 * A password changed by its holder: the current one checked first (throttled like a login, so that a
 * stolen token cannot be used to guess it), then every other session ended, since a password is
 * usually changed because someone else may know it.
 */
@ApplicationScoped
public class PasswordChanges {

    private final Passwords passwords;
    private final Tokens tokens;
    private final LoginThrottle throttle;

    public PasswordChanges(Passwords passwords, Tokens tokens, LoginThrottle throttle) {
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    /** Answers how many other sessions were ended. */
    @Transactional(dontRollbackOn = WrongPassword.class)
    public int change(Account holder, String current, String replacement, String keptToken) {
        if (current == null || current.isEmpty()) {
            throw ProblemException.invalid("current", "is required: the password in use");
        }
        AccountRules.passwordError(replacement)
                .map(e -> new FieldError("new", e.reason()))
                .ifPresent(e -> {
                    throw ProblemException.invalid(List.of(e));
                });
        throttle.check(holder.username);
        Account account = Account.findById(holder.id);
        if (current.length() > AccountRules.MAX_PASSWORD || !passwords.matches(current, account.passwordHash)) {
            throttle.recordFailure(holder.username);
            throw new WrongPassword();
        }
        throttle.clear(holder.username);
        account.passwordHash = passwords.hash(replacement);
        return tokens.revokeOthers(account.id, keptToken);
    }

    /** 403, not 401: the session is valid, the password given is not; the app must not log out. */
    public static final class WrongPassword extends ProblemException {
        public WrongPassword() {
            super(403, "wrong-password", "Wrong password", "the current password is wrong",
                    List.of(new FieldError("current", "is not the password in use")));
        }
    }
}
