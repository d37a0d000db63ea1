package org.vigie.moderation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.account.Role;
import org.vigie.camera.Camera;
import org.vigie.camera.attribute.CameraStatus;
import org.vigie.camera.attribute.WireEnum;
import org.vigie.common.WholeNumber;
import org.vigie.common.problem.ProblemException;
import org.vigie.moderation.MassRevertService;
import org.vigie.moderation.ModerationService;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The moderators' tools: the queue of reports, decisions on cameras, and reverting an account. */
@Path("/api/moderation")
@Tag(name = "Moderation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.MODERATOR_NAME)
public class ModerationResource {

    private static final String CAMERA = "cameras/{id: \\d+}";

    private final ModerationService moderation;
    private final MassRevertService massRevert;

    public ModerationResource(ModerationService moderation, MassRevertService massRevert) {
        this.moderation = moderation;
        this.massRevert = massRevert;
    }

    public record Resolution(String status) {
    }

    public record Merge(Long into) {
    }

    public record AccountRevert(String since) {
    }

    /** What a decision left: the camera's id, version, status and whether readers see it. */
    public record CameraState(long id, int version, String status, boolean visible, int confirmations) {
        static CameraState of(Camera c) {
            return new CameraState(c.id, c.version, c.status.wire(), c.visible, c.confirmations);
        }
    }

    @GET
    @Path("reports")
    @Operation(summary = "Open reports, oldest first (moderators)")
    public List<ModerationService.OpenReport> reports(@QueryParam("limit") @DefaultValue("100") String limit) {
        int count = limit.isBlank() ? 100 : WholeNumber.within(limit, 1, 1000).orElseThrow(
                () -> ProblemException.invalid("limit", "must be a whole number from 1 to 1000"));
        return moderation.openReports(count);
    }

    @POST
    @Path(CAMERA + "/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Settle a dispute (moderators)",
            description = "{\"status\": \"reported\" | \"verified\" | \"removed\"}: the camera's status, its open reports closed.")
    public CameraState resolve(@PathParam("id") long id, Resolution body) {
        CameraStatus status = WireEnum.parse(CameraStatus.class, body == null ? null : body.status())
                .filter(s -> s != CameraStatus.DISPUTED)
                .orElseThrow(() -> ProblemException.invalid("status", "must be one of reported, verified, removed"));
        return CameraState.of(moderation.resolve(id, status));
    }

    @POST
    @Path(CAMERA + "/hide")
    @Operation(summary = "Hide a camera from every reader (moderators)", description = "A new version; reads answer 410.")
    public CameraState hide(@PathParam("id") long id) {
        return CameraState.of(moderation.hide(id));
    }

    @POST
    @Path(CAMERA + "/restore")
    @Operation(summary = "Show a hidden, deleted or merged camera again (moderators)")
    public CameraState restore(@PathParam("id") long id) {
        return CameraState.of(moderation.restore(id));
    }

    @POST
    @Path(CAMERA + "/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Merge a duplicate into the camera it repeats (moderators)",
            description = "{\"into\": id}. The duplicate is hidden; its confirmations go to the other camera.")
    public CameraState merge(@PathParam("id") long id, Merge body) {
        if (body == null || body.into() == null) {
            throw ProblemException.invalid("into", "the id of the camera this one duplicates");
        }
        return CameraState.of(moderation.merge(id, body.into()));
    }

    @POST
    @Path("accounts/{username}/revert")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revert every edit of an account (moderators)",
            description = "{\"since\": \"2026-11-01T00:00:00Z\"} (optional: everything). Cameras it edited go back to the "
                    + "version before, cameras it added are hidden, cameras edited by others since are listed in skipped; "
                    + "its confirmations are withdrawn and its open reports closed. All or nothing.")
    public MassRevertService.Report revertAccount(@PathParam("username") String username, AccountRevert body) {
        OffsetDateTime since = OffsetDateTime.parse("1970-01-01T00:00:00Z");
        if (body != null && body.since() != null) {
            try {
                since = OffsetDateTime.parse(body.since());
                if (since.getYear() < 1970 || since.getYear() > 9999) {
                    throw new DateTimeParseException("out of range", body.since(), 0);
                }
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("since", "an ISO 8601 date and time with its offset, such as 2026-11-01T00:00:00Z");
            }
        }
        return massRevert.revertAccount(username, since);
    }
}
