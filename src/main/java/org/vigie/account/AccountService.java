package org.vigie.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;
import org.vigie.common.sql.UniqueViolation;

import java.util.List;
import java.util.Optional;

/** Registration, login and roles. Passwords go through {@link Passwords} and nowhere else. */
@ApplicationScoped
public class AccountService {

    private final Passwords passwords;
    private final Tokens tokens;
    private final LoginThrottle throttle;
    private final RegistrationChallenges challenges;

    public AccountService(Passwords passwords, Tokens tokens, LoginThrottle throttle, RegistrationChallenges challenges) {
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
        this.challenges = challenges;
    }

    /**
     * A volunteer registering over HTTP: the fields and the ALTCHA solution are checked together (one
     * 400 lists them all), and the solution is spent only if the account is made.
     */
    @Transactional
    public Account registerVolunteer(String username, String password, String email, String altcha) {
        List<FieldError> errors = new java.util.ArrayList<>(AccountRules.check(username, password, email));
        challenges.check(altcha).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        challenges.spend(altcha);
        return register(username, password, email, Role.VOLUNTEER);
    }

    /** A login: the token (its only copy) and the account it opens. */
    public record Session(String token, Account account) {
    }

    @Transactional
    public Account register(String username, String password, String email, Role role) {
        List<FieldError> errors = AccountRules.check(username, password, email);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (Account.byUsername(username).isPresent()) {
            throw new NameTaken(username);
        }
        Account account = new Account();
        account.username = username;
        account.passwordHash = passwords.hash(password);
        account.email = email == null || email.isBlank() ? null : email.strip();
        account.role = role;
        account.createdAt = Tokens.now();
        try {
            account.persistAndFlush();
        } catch (PersistenceException e) {
            // Two registrations of one name at once: the unique index let one through. Any other
            // failure is not the caller's (a 503 to retry, or a 500), and must not claim the name is taken.
            if (UniqueViolation.on(e, "account_username_key")) {
                throw new NameTaken(username);
            }
            throw e;
        }
        return account;
    }

    /**
     * Checks the password, throttled per user name; a wrong name and a wrong password answer alike.
     * The failure is recorded in this transaction, which commits although the login answers 401.
     */
    @Transactional(dontRollbackOn = BadCredentials.class)
    public Session login(String username, String password) {
        if (username == null || password == null || username.isEmpty() || username.length() > AccountRules.MAX_USERNAME
                || password.length() > AccountRules.MAX_PASSWORD) {
            throw new BadCredentials();
        }
        throttle.check(username);
        Optional<Account> account = Account.byUsername(username);
        boolean matches;
        if (account.isPresent()) {
            matches = passwords.matches(password, account.get().passwordHash);
        } else {
            passwords.waste(password);
            matches = false;
        }
        if (!matches) {
            throttle.recordFailure(username);
            throw new BadCredentials();
        }
        throttle.clear(username);
        if (account.get().suspendedAt(Tokens.now())) {
            throw new Suspended(account.get());
        }
        return new Session(tokens.issue(account.get()), account.get());
    }

    @Transactional
    public Optional<Account> find(String username) {
        return AccountRules.usernameError(username).isPresent() ? Optional.empty() : Account.byUsername(username);
    }

    /**
     * The holder's choice about publishing their contributions in OpenStreetMap under the ODbL
     * (org.vigie.osm.upload sends only the cameras of accounts that agreed); the time is kept.
     */
    @Transactional
    public Account chooseOsmConsent(long accountId, boolean consent) {
        Account account = Account.findById(accountId);
        if (account.osmConsent != consent) {
            account.osmConsent = consent;
            account.osmConsentAt = Tokens.now();
        }
        return account;
    }

    /** An admin changes someone's role; never their own, so that an instance always keeps an admin. */
    @Transactional
    public Account changeRole(long actorId, String username, Role role) {
        Account account = find(username).orElseThrow(() -> ProblemException.notFound("no account is named " + username));
        if (account.id == actorId) {
            throw new ProblemException(409, "own-role", "Cannot change your own role",
                    "an admin cannot change their own role: another admin must, so that the instance keeps one");
        }
        account.role = role;
        return account;
    }

    /** {@code create-admin}: a new admin, or an existing account made admin when its password is given. */
    @Transactional
    public Account createAdmin(String username, String password) {
        Optional<Account> existing = find(username);
        if (existing.isPresent()) {
            Account account = existing.get();
            if (!passwords.matches(password, account.passwordHash)) {
                throw new NameTaken(username);
            }
            account.role = Role.ADMIN;
            return account;
        }
        return register(username, password, null, Role.ADMIN);
    }

    public static final class NameTaken extends ProblemException {
        public NameTaken(String username) {
            super(409, "username-taken", "User name taken", "the name " + username + " is taken: choose another",
                    List.of(new FieldError("username", "is taken")));
        }
    }

    /** 403 {@code account-suspended}: the right password, but a moderator suspended the account. */
    public static final class Suspended extends ProblemException {
        public Suspended(Account account) {
            super(403, "account-suspended", "Account suspended", account.suspendedUntil == null
                    ? "this account is suspended until a moderator lifts the suspension: " + account.suspensionReason
                    : "this account is suspended until " + account.suspendedUntil + ": " + account.suspensionReason);
            with("reason", account.suspensionReason);
            if (account.suspendedUntil != null) {
                with("until", account.suspendedUntil.toString());
            }
        }
    }

    public static final class BadCredentials extends ProblemException {
        public BadCredentials() {
            super(401, "bad-credentials", "Wrong user name or password", "the user name or the password is wrong");
        }
    }
}
