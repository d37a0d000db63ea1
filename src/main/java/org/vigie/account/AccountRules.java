package org.vigie.account;

import org.vigie.common.problem.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What makes a user name, a password and an e-mail address acceptable; the schema checks the same. */
public final class AccountRules {

    public static final int MIN_USERNAME = 3;
    public static final int MAX_USERNAME = 40;
    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 200;
    public static final int MAX_EMAIL = 254;
    /** ASCII only, so that no two names look alike (a Cyrillic "а" for a Latin "a"). */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{" + MIN_USERNAME + "," + MAX_USERNAME + "}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private AccountRules() {
    }

    /** The names deleted accounts take (AccountDeletion), which nobody registers. */
    public static final String DELETED_PREFIX = "deleted-";

    public static List<FieldError> check(String username, String password, String email) {
        List<FieldError> errors = new ArrayList<>();
        usernameError(username).ifPresent(errors::add);
        if (errors.isEmpty() && username.toLowerCase(java.util.Locale.ROOT).startsWith(DELETED_PREFIX)) {
            errors.add(new FieldError("username", "names starting with " + DELETED_PREFIX + " are kept for deleted accounts"));
        }
        passwordError(password).ifPresent(errors::add);
        if (email != null && !email.isEmpty() && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", "must be an e-mail address of at most " + MAX_EMAIL + " characters, or left out"));
        }
        return errors;
    }

    public static java.util.Optional<FieldError> usernameError(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            return java.util.Optional.of(new FieldError("username", "must be " + MIN_USERNAME + " to " + MAX_USERNAME
                    + " characters among letters A-Z, digits and _ - ."));
        }
        return java.util.Optional.empty();
    }

    public static java.util.Optional<FieldError> passwordError(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            return java.util.Optional.of(new FieldError("password", "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD
                    + " characters long (a few words make a good one)"));
        }
        return java.util.Optional.empty();
    }
}
