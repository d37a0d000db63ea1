package org.vigie.moderation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.account.Role;
import org.vigie.account.Tokens;
import org.vigie.common.problem.ProblemException;
import org.vigie.moderation.SuspensionService;

import java.time.OffsetDateTime;

/** Suspending an account and lifting the suspension (moderators). */
@Path("/api/moderation/accounts/{username}/suspension")
@Tag(name = "Moderation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.MODERATOR_NAME)
public class SuspensionResource {

    private final SuspensionService suspensions;

    public SuspensionResource(SuspensionService suspensions) {
        this.suspensions = suspensions;
    }

    public record SuspensionRequest(String reason, String until) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Suspend an account (moderators)",
            description = "{\"reason\": \"...\", \"until\": \"2026-12-31T00:00:00Z\"} (until optional: until lifted). Ends all "
                    + "its sessions; its logins answer 403 account-suspended with the reason and the end. Only an admin "
                    + "suspends a moderator or an admin (403); nobody suspends themselves (409).")
    public SuspensionService.Suspension suspend(@PathParam("username") String username, SuspensionRequest body) {
        if (body == null) {
            throw ProblemException.invalid("reason", "send {\"reason\": ..., \"until\": ...} (until optional)");
        }
        String reason = body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty() || reason.length() > SuspensionService.MAX_REASON) {
            throw ProblemException.invalid("reason", "must say why, in 1 to " + SuspensionService.MAX_REASON + " characters");
        }
        OffsetDateTime until = null;
        if (body.until() != null) {
            until = IsoDateTime.parse("until", body.until());
            if (!until.isAfter(Tokens.now())) {
                throw ProblemException.invalid("until", "must be in the future (leave it out to suspend until lifted)");
            }
        }
        return suspensions.suspend(username, reason, until);
    }

    @DELETE
    @Operation(summary = "Lift an account's suspension (moderators)", description = "404 when it is not suspended.")
    public Response lift(@PathParam("username") String username) {
        suspensions.lift(username);
        return Response.noContent().build();
    }
}
