package org.vigie.site.plan.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.vigie.account.Account;
import org.vigie.account.CurrentAccount;
import org.vigie.account.Role;
import org.vigie.camera.rest.IfMatch;
import org.vigie.common.problem.ProblemException;
import org.vigie.photo.rest.UploadedImage;
import org.vigie.common.query.KnownQueryParameters;
import org.vigie.site.plan.FloorPlan;
import org.vigie.site.plan.FloorPlanService;
import org.vigie.site.plan.PlanBounds;

import java.util.Iterator;

/** The plan of one floor of a site (issue 16): upload or replace it, place it on the map, remove it. */
@Path("/api/sites/{id: \\d+}/floors/{level}/plan")
@Tag(name = "Sites")
@Produces(MediaType.APPLICATION_JSON)
public class FloorPlanResource {

    /** The largest upload accepted, before re-encoding, as for photos (BodyLimits.LARGER lets it through). */
    public static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;

    private final FloorPlanService plans;
    private final CurrentAccount current;

    public FloorPlanResource(FloorPlanService plans, CurrentAccount current) {
        this.plans = plans;
        this.current = current;
    }

    @GET
    @KnownQueryParameters
    @Operation(summary = "A floor's plan", description = "Its image's url, size and bounds [west, south, east, north];"
            + " the ETag is its version. 404 when the floor has none, 410 once removed.")
    public Response get(@PathParam("id") long siteId, @PathParam("level") String level) {
        return tagged(Response.ok(), plans.shown(siteId, level));
    }

    @PUT
    @RolesAllowed(Role.VOLUNTEER_NAME)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @KnownQueryParameters
    @Operation(summary = "Upload or replace a floor's plan (volunteers)",
            description = "Multipart field file: a JPEG or PNG (or WebP) image of at most 10 MB and 50 megapixels, re-encoded"
                    + " as a JPEG of at most 2400 px without any metadata, as photos are. Optional field bounds:"
                    + " west,south,east,north where the plan lies; without it the plan is placed over the site's outline,"
                    + " or 40 m wide around its point. Replacing a plan needs If-Match with its version (428 without,"
                    + " 409 when stale); the replaced plan is kept, marked removed. 201 for a floor's first plan, 200 after.")
    public Response upload(@PathParam("id") long siteId, @PathParam("level") String level,
                           @HeaderParam("If-Match") String ifMatch, @RestForm("file") FileUpload file,
                           @RestForm("bounds") String bounds, @Context UriInfo uri) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "attach the plan as the multipart field \"file\"");
        }
        Integer expected = ifMatch == null || ifMatch.isBlank() ? null : IfMatch.version(ifMatch);
        PlanBounds placed = bounds == null || bounds.isBlank() ? null : PlanBounds.parse(bounds, "bounds");
        Account uploader = current.require();
        plans.checkUpload(siteId, level, uploader); // before the decoding, the costly part
        FloorPlan plan = plans.store(siteId, level, expected, plans.encode(read(file)), placed, uploader);
        return tagged(plan.version == 1 ? Response.created(uri.getAbsolutePath()) : Response.ok(), plan);
    }

    @PUT
    @Path("bounds")
    @RolesAllowed(Role.VOLUNTEER_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @KnownQueryParameters
    @Operation(summary = "Place a floor's plan on the map", description = "{\"bounds\": [west, south, east, north]} with"
            + " If-Match: the plan's version (409 when stale).")
    public Response place(@PathParam("id") long siteId, @PathParam("level") String level,
                          @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        int expected = IfMatch.version(ifMatch);
        return tagged(Response.ok(), plans.place(siteId, level, expected, bounds(body)));
    }

    @DELETE
    @RolesAllowed(Role.VOLUNTEER_NAME)
    @KnownQueryParameters
    @Operation(summary = "Remove a floor's plan", description = "With If-Match: its version. It is no longer shown (410),"
            + " its row is kept.")
    public Response remove(@PathParam("id") long siteId, @PathParam("level") String level,
                           @HeaderParam("If-Match") String ifMatch) {
        int expected = IfMatch.version(ifMatch);
        plans.remove(siteId, level, expected, current.require());
        return Response.noContent().build();
    }

    private static PlanBounds bounds(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid("body", "send {\"bounds\": [west, south, east, north]}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("bounds")) {
                throw ProblemException.invalid(name, "unknown member: send {\"bounds\": [west, south, east, north]}");
            }
        }
        JsonNode node = body.get("bounds");
        if (node == null || !node.isArray() || node.size() != 4) {
            throw ProblemException.invalid("bounds", "must be four numbers: west, south, east, north (degrees)");
        }
        double[] values = new double[4];
        for (int i = 0; i < 4; i++) {
            if (!node.get(i).isNumber()) {
                throw ProblemException.invalid("bounds", "must be four numbers: west, south, east, north (degrees)");
            }
            values[i] = node.get(i).asDouble();
        }
        return PlanBounds.of(values, "bounds");
    }

    private static Response tagged(Response.ResponseBuilder response, FloorPlan plan) {
        return response.entity(FloorPlanJson.of(plan)).tag(new EntityTag(String.valueOf(plan.version))).build();
    }

    private static byte[] read(FileUpload file) {
        return UploadedImage.bytes(file, MAX_UPLOAD_BYTES, "plan-too-large", "Floor plan too large");
    }
}
