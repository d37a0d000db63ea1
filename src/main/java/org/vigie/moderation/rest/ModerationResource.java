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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.account.Role;
import org.vigie.camera.Camera;
import org.vigie.camera.attribute.CameraStatus;
import org.vigie.camera.attribute.WireEnum;
import org.vigie.common.WholeNumber;
import org.vigie.common.problem.ProblemException;
import org.vigie.moderation.MassRevertService;
import org.vigie.moderation.ModerationLog;
import org.vigie.moderation.ModerationService;
import org.vigie.moderation.SuspensionService;

import java.time.OffsetDateTime;
import java.util.List;

/** The moderators' tools: the queue of reports, decisions on cameras, and reverting an account. */
@Path("/api/moderation")
@Tag(name = "Moderation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.MODERATOR_NAME)
public class ModerationResource {

    private static final String CAMERA = "cameras/{id: \\d+}";
    private static final int MAX_REVERTED = 20;

    private final ModerationService moderation;
    private final MassRevertService massRevert;
    private final ModerationLog logs;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public ModerationResource(ModerationService moderation, MassRevertService massRevert, ModerationLog logs,
                              com.fasterxml.jackson.databind.ObjectMapper json) {
        this.moderation = moderation;
        this.massRevert = massRevert;
        this.logs = logs;
        this.json = json;
    }

    public record Resolution(String status) {
    }

    public record Merge(Long into) {
    }

    public record Hiding(String reason) {
    }

    public record Closed(long reportId, int closed) {
    }

    public record AccountRevert(String since) {
    }

    public record AccountsRevert(List<String> accounts, String since) {
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
    public List<ModerationService.OpenReport> reports(
            @Parameter(description = "At most this many reports: a whole number from 1 to 1000, 100 when absent.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000", defaultValue = "100"))
            @QueryParam("limit") @DefaultValue("100") String limit) {
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
    @Operation(summary = "Hide a camera from every reader (moderators)",
            description = "Optional body {\"reason\": \"...\"}: the reason goes to the moderation log. A new version; reads answer 410.")
    public CameraState hide(@PathParam("id") long id, String body) {
        // Read by hand: the body is optional, and a bodiless POST carries no JSON content type.
        String reason = null;
        if (body != null && !body.isBlank()) {
            try {
                Hiding hiding = json.readValue(body, Hiding.class);
                reason = hiding == null || hiding.reason() == null || hiding.reason().isBlank() ? null : hiding.reason().strip();
            } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
                throw ProblemException.invalid(e.getPropertyName(), "is not a known field: send {\"reason\": \"...\"} or no body");
            } catch (java.io.IOException e) {
                throw ProblemException.invalid("reason", "send {\"reason\": \"...\"} or no body");
            }
        }
        if (reason != null && reason.length() > SuspensionService.MAX_REASON) {
            throw ProblemException.invalid("reason", "at most " + SuspensionService.MAX_REASON + " characters");
        }
        return CameraState.of(moderation.hide(id, reason));
    }

    @POST
    @Path("reports/{reportId: \\d+}/close")
    @Operation(summary = "Close a report on a hidden, deleted or merged camera (moderators)",
            description = "Closes it and the other open reports on that camera, deciding nothing about its status. "
                    + "409 when readers still see the camera: settle it instead.")
    public Closed closeReport(@PathParam("reportId") long reportId) {
        return new Closed(reportId, moderation.closeReport(reportId));
    }

    @GET
    @Path("log")
    @Operation(summary = "Every moderation decision, newest first (moderators)",
            description = "Who, what, on which camera or account, why, when. Pages: limit (1-500, default 100) and before "
                    + "(the id of the last line seen).")
    public List<ModerationLog.Entry> log(
            @Parameter(description = "At most this many lines: a whole number from 1 to 500, 100 when absent.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "100"))
            @QueryParam("limit") @DefaultValue("100") String limit,
            @Parameter(description = "The lines older than this one (the id of the last line seen): the next page.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @QueryParam("before") String before) {
        int count = WholeNumber.within(limit, 1, 500).orElseThrow(
                () -> ProblemException.invalid("limit", "must be a whole number from 1 to 500"));
        Long beforeId = null;
        if (before != null) {
            beforeId = (long) WholeNumber.within(before, 1, Integer.MAX_VALUE).orElseThrow(
                    () -> ProblemException.invalid("before", "must be the id of a line of the log"));
        }
        return logs.page(count, beforeId);
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
        OffsetDateTime since = body != null && body.since() != null ? IsoDateTime.parse("since", body.since())
                : OffsetDateTime.parse("1970-01-01T00:00:00Z");
        return massRevert.revertAccount(username, since);
    }

    @POST
    @Path("reverts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revert several accounts as one (moderators)",
            description = "{\"accounts\": [\"vandal\", \"puppet\"], \"since\": \"2026-11-01T00:00:00Z\"} (since optional). Their "
                    + "edits count as one author's: a camera only they edited goes back to the version before the first of "
                    + "them, whatever order they edited in. ?dryRun=true answers the same report (changes: the cameras and "
                    + "versions it would restore) and writes nothing.")
    public MassRevertService.Report revertAccounts(AccountsRevert body,
            @Parameter(description = "true: answer what the revert would do and write nothing. true or false.",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("dryRun") @DefaultValue("false") String dryRun) {
        if (!"true".equals(dryRun) && !"false".equals(dryRun)) {
            throw ProblemException.invalid("dryRun", "must be true or false");
        }
        if (body == null || body.accounts() == null || body.accounts().isEmpty() || body.accounts().size() > MAX_REVERTED
                || body.accounts().stream().anyMatch(a -> a == null || a.isBlank())) {
            throw ProblemException.invalid("accounts", "the user names of 1 to " + MAX_REVERTED + " accounts to revert together");
        }
        OffsetDateTime since = body.since() != null ? IsoDateTime.parse("since", body.since())
                : OffsetDateTime.parse("1970-01-01T00:00:00Z");
        return massRevert.revertAccounts(body.accounts(), since, "true".equals(dryRun));
    }
}
