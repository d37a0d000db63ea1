package org.vigie.account;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vigie.cli.UsageException;
import org.vigie.support.Accounts;
import org.vigie.support.ConsoleCapture;
import org.vigie.support.Secrets;
import org.vigie.support.Sql;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code create-admin NAME}, run in-process: exit codes, messages, and the password never shown. */
@QuarkusTest
class CreateAdminCommandTest {

    private static final String PASSWORD = Secrets.password("the first admin's long password");
    private static final String TOO_SHORT = Secrets.password("Zq7-admin");

    @Inject
    CreateAdminCommand command;
    @Inject
    Sql sql;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private int run(String name, Map<String, String> env, String stdin) {
        return command.run(List.of(name), env::get, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }

    private String output() {
        return console.out() + console.err();
    }

    private static String newName() {
        return "admin_" + Long.toString(System.nanoTime(), 36);
    }

    @Test
    void createsAnAdminWithThePasswordFromStdinWhoCanLogIn() {
        String name = newName();
        assertEquals(0, run(name, Map.of(), PASSWORD + "\n"), output());
        assertThat(output(), containsString(name + " is an admin"));
        assertThat(output(), not(containsString(PASSWORD)));
        assertEquals("admin", sql.text("SELECT role FROM account WHERE username = ?", name));
        given().contentType("application/json").body(Map.of("username", name, "password", PASSWORD))
                .post("/api/auth/login").then().statusCode(200).body("role", equalTo("admin"));
    }

    @Test
    void theEnvironmentVariableWinsOverStdin() {
        String name = newName();
        assertEquals(0, run(name, Map.of(CreateAdminCommand.PASSWORD_ENV, PASSWORD), "ignored line\n"));
        given().contentType("application/json").body(Map.of("username", name, "password", PASSWORD))
                .post("/api/auth/login").then().statusCode(200);
    }

    @Test
    void aShortOrMissingPasswordFailsAndCreatesNothing() {
        String name = newName();
        assertEquals(1, run(name, Map.of(), TOO_SHORT + "\n"));
        assertThat(output(), containsString("password must be 12"));
        assertThat(output(), not(containsString(TOO_SHORT)));
        assertEquals(1, run(name, Map.of(), ""));
        assertThat(output(), containsString("no password"));
        assertEquals(1, run("bad name!", Map.of(), PASSWORD + "\n"));
        assertThat(output(), containsString("username must be"));
        assertEquals(0, sql.count("SELECT count(*) FROM account WHERE username = ?", name));
    }

    @Test
    void aTakenNameIsRefusedUnlessItsOwnPasswordIsGiven() {
        Accounts.TestAccount volunteer = Accounts.fresh(Role.VOLUNTEER);
        assertEquals(1, run(volunteer.username(), Map.of(), PASSWORD + "\n"));
        assertThat(output(), containsString("is taken"));
        assertEquals("volunteer", sql.text("SELECT role FROM account WHERE id = ?", volunteer.id()));

        assertEquals(0, run(volunteer.username(), Map.of(), Accounts.PASSWORD + "\n"));
        assertEquals("admin", sql.text("SELECT role FROM account WHERE id = ?", volunteer.id()));
    }

    @Test
    void usageErrorsAreUsageErrors() {
        assertThrows(UsageException.class, () -> command.run(List.of()));
        assertThrows(UsageException.class, () -> command.run(List.of("a", "b")));
    }
}
