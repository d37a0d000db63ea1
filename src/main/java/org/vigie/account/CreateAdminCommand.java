package org.vigie.account;

import jakarta.enterprise.context.ApplicationScoped;
import org.vigie.cli.Subcommand;
import org.vigie.cli.UsageException;
import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * {@code create-admin NAME}: the first admin of an instance (or another one). The password comes
 * from {@code VIGIE_ADMIN_PASSWORD} or the first line of standard input, never from the command
 * line (where {@code ps} and shell histories would show it), and is never printed. An existing
 * account becomes admin only when the password given is its own: whoever runs the command proves
 * they hold it.
 */
@ApplicationScoped
public class CreateAdminCommand implements Subcommand {

    public static final String PASSWORD_ENV = "VIGIE_ADMIN_PASSWORD";

    private final AccountService accounts;

    public CreateAdminCommand(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "create-admin";
    }

    @Override
    public String usage() {
        return "create-admin NAME   create an admin account (password from $" + PASSWORD_ENV + " or the first line of stdin)";
    }

    @Override
    public int run(List<String> args) {
        return run(args, System::getenv, System.in);
    }

    /** Runs with the environment and standard input given (tests pass their own). */
    public int run(List<String> args, Function<String, String> environment, InputStream input) {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            throw new UsageException("name exactly one account");
        }
        String username = args.get(0);
        String password;
        try {
            password = password(environment, input);
        } catch (IOException e) {
            System.err.println("vigie create-admin: cannot read the password from standard input: " + e.getMessage());
            return 1;
        }
        if (password == null) {
            System.err.println("vigie create-admin: no password: set " + PASSWORD_ENV + " or write it on standard input");
            return 1;
        }
        try {
            Account admin = accounts.createAdmin(username, password);
            System.out.println("vigie create-admin: " + admin.username + " is an admin");
            return 0;
        } catch (AccountService.NameTaken e) {
            System.err.println("vigie create-admin: the name " + username + " is taken by an account whose password is another one;"
                    + " choose another name, or give that account's own password to make it admin");
            return 1;
        } catch (ProblemException e) {
            for (FieldError error : e.fieldErrors()) {
                System.err.println("vigie create-admin: " + error.field() + " " + error.reason());
            }
            return 1;
        }
    }

    private static String password(Function<String, String> environment, InputStream input) throws IOException {
        String fromEnv = environment.apply(PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        if (System.console() != null && input == System.in) {
            char[] typed = System.console().readPassword("Password for the admin (at least %d characters): ", AccountRules.MIN_PASSWORD);
            return typed == null ? null : new String(typed);
        }
        String line = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8)).readLine();
        return line;
    }
}
