package org.vigie.account.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.account.CurrentAccount;
import org.vigie.account.PasswordChanges;
import org.vigie.account.Tokens;
import org.vigie.common.problem.ProblemException;

/** What an account holder does with their own sessions: change the password, log out everywhere (beside AuthResource's login and logout). */
@Path("/api/auth")
@Tag(name = "Accounts")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final PasswordChanges passwords;
    private final Tokens tokens;
    private final CurrentAccount current;
    private final org.vigie.account.AccountDeletion deletion;

    public SessionResource(PasswordChanges passwords, Tokens tokens, CurrentAccount current,
                           org.vigie.account.AccountDeletion deletion) {
        this.deletion = deletion;
        this.passwords = passwords;
        this.tokens = tokens;
        this.current = current;
    }

    public record PasswordChange(String current, @com.fasterxml.jackson.annotation.JsonProperty("new") String replacement) {
    }

    /** How many sessions a request ended. */
    public record Ended(int otherSessionsEnded) {
    }

    @POST
    @Path("password")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change your password", description = "{\"current\": ..., \"new\": ...}. Every other session "
            + "of the account ends; this one goes on. A wrong current password answers 403 (throttled like logins).")
    public Ended changePassword(PasswordChange body, @HeaderParam("Authorization") String authorization) {
        if (body == null) {
            throw ProblemException.invalid("body", "send {\"current\": ..., \"new\": ...}");
        }
        return new Ended(passwords.change(current.require(), body.current(), body.replacement(), bearer(authorization)));
    }

    @POST
    @Path("logout-everywhere")
    @Authenticated
    @Operation(summary = "Log out everywhere", description = "Ends every session of the account, this one included.")
    public Ended logoutEverywhere() {
        return new Ended(tokens.revokeAll(current.require().id));
    }

    public record Deletion(String password) {
    }

    /** What a deleted account's contributions are signed with now. */
    public record Deleted(String username) {
    }

    @DELETE
    @Path("me")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Delete your account", description = "{\"password\": ...}. Its e-mail address, name and password "
            + "are erased and every session ends; its versions and photos stay, signed deleted-ID (the answer's username). "
            + "A wrong password answers 403 (throttled like logins); the instance's last admin answers 409.")
    public Deleted delete(Deletion body) {
        return new Deleted(deletion.delete(current.require(), body == null ? null : body.password()));
    }

    static String bearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring("Bearer ".length()).strip() : null;
    }
}
