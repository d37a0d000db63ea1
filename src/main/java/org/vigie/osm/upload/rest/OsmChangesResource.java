package org.vigie.osm.upload.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.account.CurrentAccount;
import org.vigie.account.Role;
import org.vigie.common.problem.ProblemException;
import org.vigie.osm.upload.Holds;
import org.vigie.osm.upload.OsmEdit;
import org.vigie.osm.upload.OsmFiles;
import org.vigie.osm.upload.ReadyEdits;
import org.vigie.osm.upload.UploadResult;
import org.vigie.osm.upload.UploadService;
import org.vigie.osm.upload.Uploads;

import java.net.URI;
import java.util.List;

/** Moderators review what volunteers mapped and send it to OpenStreetMap. */
@Path("/api/osm")
@Tag(name = "OpenStreetMap")
@RolesAllowed(Role.MODERATOR_NAME)
public class OsmChangesResource {

    /** The body of POST /api/osm/uploads: the changeset's comment, as OpenStreetMap shows it. */
    public record UploadRequest(String comment) {
    }

    private final ReadyEdits ready;
    private final UploadService uploads;
    private final Uploads history;
    private final Holds holds;
    private final CurrentAccount current;

    public OsmChangesResource(ReadyEdits ready, UploadService uploads, Uploads history, Holds holds, CurrentAccount current) {
        this.ready = ready;
        this.uploads = uploads;
        this.history = history;
        this.holds = holds;
        this.current = current;
    }

    @GET
    @Path("changes")
    @Produces({"application/xml", MediaType.APPLICATION_JSON})
    @Operation(summary = "What is ready to send to OpenStreetMap", description = "Cameras volunteers added, changed or deleted "
            + "that OpenStreetMap lacks, from accounts that agreed to publish there. format=osc (default): an osmChange "
            + "file; format=josm: a .osm file with action= for JOSM; format=json: the list, for review.")
    public Response changes(@Context UriInfo uri) {
        for (String name : uri.getQueryParameters().keySet()) {
            if (!name.equals("format")) {
                throw ProblemException.invalid(name, "unknown parameter: only format is read");
            }
        }
        String format = uri.getQueryParameters().getFirst("format");
        List<OsmEdit> edits = ready.list();
        if (format == null || format.equals("osc")) {
            return file(OsmFiles.osmChange(edits, null), "vigie-changes.osc");
        }
        if (format.equals("josm")) {
            return file(OsmFiles.josm(edits), "vigie-changes.osm");
        }
        if (format.equals("json")) {
            return Response.ok(edits, MediaType.APPLICATION_JSON).build();
        }
        throw ProblemException.invalid("format", "one of osc, josm, json");
    }

    @POST
    @Path("uploads")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send the ready changes to OpenStreetMap", description = "Opens a changeset with the comment "
            + "(and created_by=Vigie) on the collective's account, uploads, closes it; each camera sent is linked to its "
            + "new node. A camera OpenStreetMap refused (409, 412) is held for review with the reason.")
    public Response upload(UploadRequest body) {
        String comment = body == null || body.comment() == null ? "" : body.comment().strip();
        if (comment.isEmpty() || comment.length() > 255) {
            throw ProblemException.invalid("comment", "say in 1 to 255 characters what the changeset adds (OpenStreetMap shows it)");
        }
        UploadResult result = uploads.upload(comment, current.require().id);
        return Response.created(URI.create("/api/osm/uploads/" + result.id())).entity(result).build();
    }

    @GET
    @Path("uploads")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The uploads made", description = "Newest first (50 at most): changeset, comment, moderator, "
            + "the cameras sent with their node, and those held for review with the reason.")
    public List<UploadResult> sent() {
        return history.recent();
    }

    @GET
    @Path("holds")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cameras held for review", description = "Cameras OpenStreetMap refused at their current version "
            + "(a conflict with an edit made there), or whose upload's outcome is unknown, with the reason: they are not "
            + "sent again until a moderator releases them or a volunteer edits them.")
    public List<Holds.Hold> held() {
        return holds.current();
    }

    @DELETE
    @Path("holds/{cameraId}")
    @Operation(summary = "Release a camera held for review", description = "After checking the node (or the changeset), "
            + "the camera is ready to send again. 404 when it is not held.")
    public Response release(@PathParam("cameraId") long cameraId) {
        holds.release(cameraId, current.require().id);
        return Response.noContent().build();
    }

    private static Response file(String body, String name) {
        return Response.ok(body, "application/xml")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

}
