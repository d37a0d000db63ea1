package org.vigie.site.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.account.Role;
import org.vigie.camera.CameraService;
import org.vigie.camera.rest.Bbox;
import org.vigie.camera.rest.CameraCollection;
import org.vigie.camera.rest.CameraFeature;
import org.vigie.camera.rest.IfMatch;
import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;
import org.vigie.common.query.KnownQueryParameters;
import org.vigie.common.query.LonLat;
import org.vigie.site.Site;
import org.vigie.site.SiteHistory;
import org.vigie.site.SiteReport;
import org.vigie.site.SiteService;
import org.vigie.site.plan.FloorPlanService;

import java.util.ArrayList;
import java.util.List;

/** Workplace and public-building sites over HTTP (issue 16): versions as ETags, as cameras. */
@Path("/api/sites")
@Tag(name = "Sites")
@Produces("application/json")
public class SiteResource {

    private static final String ID = "{id: \\d+}";

    private final SiteService sites;
    private final FloorPlanService plans;

    public SiteResource(SiteService sites, FloorPlanService plans) {
        this.sites = sites;
        this.plans = plans;
    }

    @POST
    @RolesAllowed(Role.VOLUNTEER_NAME)
    @Consumes("application/json")
    @Operation(summary = "Add a site (volunteers)", description = "{name, employer, address, geometry: a Point, outline:"
            + " an optional Polygon, floors: [{level, name}]}; the point may be left out when an outline is given."
            + " Answers 201 with the site, its Location and ETag \"1\".")
    public Response create(JsonNode body, @Context UriInfo uri) {
        Site site = sites.create(SiteReader.read(body));
        return tagged(Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(site.id)).build()), site, 0);
    }

    @GET
    @Path(ID)
    @Operation(summary = "One site", description = "With its floors, outline and the number of its cameras; the ETag is its version.")
    public Response get(@PathParam("id") long id) {
        Site site = sites.require(id);
        return tagged(Response.ok(), site, sites.cameraCount(id));
    }

    @PUT
    @Path(ID)
    @RolesAllowed(Role.VOLUNTEER_NAME)
    @Consumes("application/json")
    @Operation(summary = "Edit a site", description = "The whole site, as POST; send If-Match with the version you edited:"
            + " a stale one answers 409.")
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        int expected = IfMatch.version(ifMatch);
        Site site = sites.update(id, expected, SiteReader.read(body));
        return tagged(Response.ok(), site, sites.cameraCount(id));
    }

    @DELETE
    @Path(ID)
    @RolesAllowed(Role.VOLUNTEER_NAME)
    @Operation(summary = "Delete a site", description = "With If-Match: the version you saw (409 when stale). By its author"
            + " or a moderator (403 for others), once no camera is left on it (409 site-has-cameras). The site then answers"
            + " 410; its history stays.")
    public Response delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        sites.delete(id, IfMatch.version(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path(ID + "/history")
    @KnownQueryParameters
    @Operation(summary = "A site's history", description = "Every version, newest first: version, action (created, modified,"
            + " deleted), author, at, and the site as it was (name, employer, address, geometry, outline, floors). Also"
            + " for a deleted site.")
    public List<SiteHistory.Entry> history(@PathParam("id") long id) {
        return sites.history(id);
    }

    @GET
    @KnownQueryParameters
    @Operation(summary = "Find sites", description = "bbox=minLon,minLat,maxLon,maxLat (the sites there), q=text (in the"
            + " name or employer, any case), at=lon,lat (the sites whose outline holds the point: those offered to a"
            + " camera placed there); at least one, combined with and. At most 200, by name.")
    public List<SiteJson> search(
            @Parameter(description = "The sites in this box: minLon,minLat,maxLon,maxLat in degrees (WGS 84).",
                    example = "5.70,45.17,5.75,45.20", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("bbox") String bbox,
            @Parameter(description = "Text in the site's name or employer, any case; at most 200 characters.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200))
            @QueryParam("q") String q,
            @Parameter(description = "lon,lat in degrees: the sites whose outline holds this point.",
                    example = "5.7263,45.1903", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("at") String at) {
        List<FieldError> errors = new ArrayList<>();
        boolean none = blank(bbox) && blank(q) && blank(at);
        double[] box = blank(bbox) && !none ? null
                : Bbox.parse(bbox, errors, "bbox, q or at is required: bbox=minLon,minLat,maxLon,maxLat, q=text or at=lon,lat");
        double[] point = blank(at) ? null : point(at, errors);
        if (!blank(q) && q.strip().length() > 200) {
            errors.add(new FieldError("q", "must be at most 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return sites.search(box, blank(q) ? null : q.strip(), point).stream()
                .map(s -> SiteJson.of(s, sites.cameraCount(s.id), plans.ofSite(s.id))).toList();
    }

    @GET
    @Path(ID + "/cameras")
    @Produces({"application/geo+json", "application/json"})
    @KnownQueryParameters
    @Operation(summary = "The site's cameras", description = "A FeatureCollection of its visible cameras, by level then id."
            + " To filter them, GET /api/cameras?site=ID takes every camera filter.")
    public CameraCollection<CameraFeature> cameras(@PathParam("id") long id) {
        return CameraCollection.of(sites.cameras(id).stream().map(c -> CameraFeature.of(c, false)).toList());
    }

    @GET
    @Path(ID + "/report")
    @KnownQueryParameters
    @Operation(summary = "The site's report", description = "Its cameras floor by floor with the rules each breaks (codes"
            + " films-workstation, records-sound, staff-not-informed, staff-body-not-consulted, retention-over-30-days,"
            + " no-sign), the references, and the counts.")
    public SiteReport report(@PathParam("id") long id) {
        return sites.report(id);
    }

    private Response tagged(Response.ResponseBuilder response, Site site, long cameraCount) {
        return response.entity(SiteJson.of(site, cameraCount, plans.ofSite(site.id))).tag(new EntityTag(String.valueOf(site.version))).build();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static double[] point(String raw, List<FieldError> errors) {
        return LonLat.parse(raw).orElseGet(() -> {
            errors.add(new FieldError("at", "must be lon,lat in degrees"));
            return null;
        });
    }
}
