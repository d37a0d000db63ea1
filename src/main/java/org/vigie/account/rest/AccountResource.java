package org.vigie.account.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.account.AccountService;
import org.vigie.account.CurrentAccount;
import org.vigie.account.Role;
import org.vigie.common.problem.ProblemException;

/** Public profiles (a name, a role, a date) and the admins' role management. */
@Path("/api/accounts/{username}")
@Tag(name = "Accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final AccountService accounts;
    private final CurrentAccount current;

    public AccountResource(AccountService accounts, CurrentAccount current) {
        this.accounts = accounts;
        this.current = current;
    }

    public record RoleChange(String role) {
    }

    @GET
    @Operation(summary = "An account's public profile", description = "Its name, role and creation date; for moderators, "
            + "its suspension (reason, since, until) while it is suspended. Nothing else.")
    public AccountView get(@PathParam("username") String username) {
        var account = accounts.find(username).orElseThrow(() -> unknown(username));
        return current.isModerator() ? AccountView.forModerator(account) : AccountView.of(account);
    }

    @PUT
    @Path("role")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an account's role (admins)",
            description = "{\"role\": \"volunteer\" | \"moderator\" | \"admin\"}. An admin cannot change their own role.")
    public AccountView changeRole(@PathParam("username") String username, RoleChange body) {
        Role role = Role.ofWire(body == null ? null : body.role()).orElseThrow(() ->
                ProblemException.invalid("role", "must be one of " + Role.options()));
        return AccountView.of(accounts.changeRole(current.id(), username, role));
    }

    private static ProblemException unknown(String username) {
        return ProblemException.notFound("no account is named " + username);
    }
}
