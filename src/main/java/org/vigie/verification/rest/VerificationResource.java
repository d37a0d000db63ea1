package org.vigie.verification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.account.Role;
import org.vigie.camera.attribute.WireEnum;
import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;
import org.vigie.verification.ConfirmationService;
import org.vigie.verification.ReportReason;
import org.vigie.verification.ReportService;

import java.util.ArrayList;
import java.util.List;

/** Volunteers vouch for a camera or report it: how the map earns trust. */
@Path("/api/cameras")
@Tag(name = "Verification")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.VOLUNTEER_NAME)
public class VerificationResource {

    private static final int MAX_COMMENT = 1000;

    private final ConfirmationService confirmations;
    private final ReportService reports;

    public VerificationResource(ConfirmationService confirmations, ReportService reports) {
        this.confirmations = confirmations;
        this.reports = reports;
    }

    public record ReportRequest(String reason, String comment) {
    }

    @POST
    @Path("{id: \\d+}/confirmations")
    @Operation(summary = "I saw this camera (volunteers)",
            description = "201 when the confirmation counts; 200 with counted=false and a reason when it does not: "
                    + "own-camera (the author's), already-confirmed (a second one by the same volunteer, which only "
                    + "refreshes lastConfirmedAt) or account-too-new (recorded, counted once the account is "
                    + "vigie.verification.min-account-age old). The camera becomes verified after vigie.verification.confirmations-to-verify.")
    public Response confirm(@PathParam("id") long id) {
        ConfirmationService.Outcome outcome = confirmations.confirm(id);
        return Response.status(outcome.counted() ? 201 : 200).entity(outcome).build();
    }

    @POST
    @Path("{id: \\d+}/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Something is wrong with this camera (volunteers)",
            description = "{\"reason\": \"gone\" | \"wrong_position\" | \"wrong_details\" | \"fake\", \"comment\": \"...\"}. "
                    + "The camera becomes disputed until a moderator decides; two \"gone\" reports mark it removed. "
                    + "201 with the report's id when recorded (counted=false, reason account-too-new: it changes no status "
                    + "until the account is vigie.verification.min-account-age old); a second open report with the same "
                    + "reason answers 200 with counted=false.")
    public Response report(@PathParam("id") long id, ReportRequest body) {
        List<FieldError> errors = new ArrayList<>();
        ReportReason reason = WireEnum.parse(ReportReason.class, body == null ? null : body.reason()).orElse(null);
        if (reason == null) {
            errors.add(new FieldError("reason", "must be " + WireEnum.allowed(ReportReason.class)));
        }
        String comment = body == null || body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            errors.add(new FieldError("comment", "at most " + MAX_COMMENT + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ReportService.Outcome outcome = reports.report(id, reason, comment);
        return Response.status(outcome.reportId() != null ? 201 : 200).entity(outcome).build();
    }
}
