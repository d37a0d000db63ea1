package org.vigie.account.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.account.Account;
import org.vigie.account.AccountService;
import org.vigie.account.CurrentAccount;
import org.vigie.account.RegistrationChallenges;
import org.vigie.account.Tokens;
import org.vigie.common.problem.ProblemException;

import java.net.URI;

/** Register, log in and out. The password travels in the body only; nothing logs request bodies. */
@Path("/api/auth")
@Tag(name = "Accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final AccountService accounts;
    private final Tokens tokens;
    private final CurrentAccount current;
    private final RegistrationChallenges challenges;

    public AuthResource(AccountService accounts, Tokens tokens, CurrentAccount current, RegistrationChallenges challenges) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.current = current;
        this.challenges = challenges;
    }

    /**
     * The body of register and login; e-mail is optional, and only register reads it, altcha, and
     * osmConsent (publishing one's contributions in OpenStreetMap: false unless chosen).
     */
    public record Credentials(String username, String password, String email, String altcha, Boolean osmConsent) {
    }

    /** The body of PUT /api/auth/me: the settings the account holder changes. */
    public record Settings(Boolean osmConsent) {
    }

    @GET
    @Path("challenge")
    @PermitAll
    @Operation(summary = "A registration challenge (ALTCHA proof of work)",
            description = "Find number in 0..maxnumber such that SHA-256(salt + number), in hex, equals challenge; send "
                    + "base64 of {algorithm, challenge, number, salt, signature} as altcha in POST /api/auth/register. "
                    + "It expires (the salt's ?expires=, in Unix seconds) and opens one account.")
    public Response challenge() {
        return Response.ok(challenges.issue()).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("register")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a pseudonymous account",
            description = "username: 3-40 of A-Z a-z 0-9 _ - . (unique regardless of case); password: 12-200 characters; "
                    + "email: optional, never shown; altcha: the solved GET /api/auth/challenge (400 naming altcha when missing, "
                    + "wrong, expired or used already); osmConsent: optional, true lets its cameras be published in "
                    + "OpenStreetMap (ODbL). Answers 201 logged in, with a token; 409 when the name is taken.")
    public Response register(Credentials body) {
        Credentials credentials = required(body);
        Account account = accounts.registerVolunteer(credentials.username(), credentials.password(), credentials.email(),
                credentials.altcha());
        if (Boolean.TRUE.equals(credentials.osmConsent())) {
            account = accounts.chooseOsmConsent(account.id, true);
        }
        AccountService.Session session = new AccountService.Session(tokens.issue(account), account);
        return Response.created(URI.create("/api/accounts/" + session.account().username))
                .entity(LoginView.of(session)).build();
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in", description = "Answers {token, username, role}; send the token as Authorization: Bearer <token>. "
            + "Repeated failures for one name answer 429 with Retry-After.")
    public LoginView login(Credentials body) {
        Credentials credentials = required(body);
        return LoginView.of(accounts.login(credentials.username(), credentials.password()));
    }

    @POST
    @Path("logout")
    @Authenticated
    @Operation(summary = "Log out", description = "Revokes the token the request carries.")
    public Response logout(@HeaderParam("Authorization") String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.revoke(authorization.substring("Bearer ".length()).strip());
        }
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @Authenticated
    @Operation(summary = "The account logged in", description = "401 without a valid token.")
    public AccountView me() {
        return AccountView.of(current.require());
    }

    @PUT
    @Path("me")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change one's settings", description = "osmConsent: true lets moderators publish this "
            + "account's cameras in OpenStreetMap under the ODbL; false keeps them in Vigie only.")
    public AccountView changeSettings(Settings body) {
        if (body == null || body.osmConsent() == null) {
            throw ProblemException.invalid("osmConsent", "send {\"osmConsent\": true} or {\"osmConsent\": false}");
        }
        return AccountView.of(accounts.chooseOsmConsent(current.require().id, body.osmConsent()));
    }

    private static Credentials required(Credentials body) {
        if (body == null) {
            throw ProblemException.invalid("body", "send {\"username\": ..., \"password\": ...}");
        }
        return body;
    }
}
