package org.vigie.camera.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.account.Role;
import org.vigie.camera.AdditionKeys;
import org.vigie.camera.Camera;
import org.vigie.camera.CameraService;
import org.vigie.common.Sha256;
import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/** The camera registry over HTTP: GeoJSON in and out, versions as ETags. */
@Path("/api/cameras")
@Tag(name = "Cameras")
@Produces({CameraResource.GEOJSON, "application/json"})
public class CameraResource {

    public static final String GEOJSON = "application/geo+json";
    private static final String ID = "{id: \\d+}";

    private final CameraService cameras;
    private final CameraFeatureRows rows;
    private final CameraMarkerRows markers;
    private final org.vigie.account.CurrentAccount current;

    public CameraResource(CameraService cameras, CameraFeatureRows rows, CameraMarkerRows markers,
                          org.vigie.account.CurrentAccount current) {
        this.current = current;
        this.cameras = cameras;
        this.rows = rows;
        this.markers = markers;
    }

    @POST
    @RolesAllowed(Role.VOLUNTEER_NAME)
    @Consumes({"application/json", GEOJSON})
    @Operation(summary = "Add a camera (volunteers)", description = "Answers 201 with the stored Feature, its Location and ETag \"1\". "
            + "Another camera of the same kind within 10 m answers 409 duplicate-suspected (its ids in nearby) unless "
            + "confirmDuplicate=true; past the account's hourly quota, 429 with Retry-After. With an Idempotency-Key header "
            + "(1 to 100 visible ASCII characters, a UUID say) the account already sent, answers the camera that addition stored "
            + "(Idempotent-Replayed: true) and stores nothing; the same key with another body is a 422.")
    public Response create(JsonNode body,
                           @Parameter(description = "true: add the camera even though another of the same kind stands"
                                   + " within 10 m (the 409 duplicate-suspected named it). true or false; another value is"
                                   + " refused (400).", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                           @QueryParam("confirmDuplicate") String confirmDuplicate,
                           @HeaderParam("Idempotency-Key") String idempotencyKey, @jakarta.ws.rs.core.Context UriInfo uri) {
        AdditionKeys.Key key = idempotencyKey == null ? null
                : new AdditionKeys.Key(idempotencyKey, Sha256.hex(body == null ? "" : body.toString()));
        CameraService.Addition addition = cameras.create(CameraFeatureReader.read(body), confirmed(confirmDuplicate), key);
        Camera camera = addition.camera();
        Response.ResponseBuilder response = Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(camera.id)).build())
                .entity(CameraFeature.of(camera, false));
        if (addition.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return withTag(response, camera).build();
    }

    @GET
    @Path(ID)
    @Operation(summary = "One camera", description = "404 when it never existed, 410 once deleted.")
    public Response get(@PathParam("id") long id) {
        Camera camera = cameras.find(id).orElseThrow(() -> new CameraService.NotFound(id));
        return withTag(Response.ok(CameraFeature.of(camera, false)), camera).build();
    }

    @GET
    @Path(ID + "/fov")
    @Operation(summary = "The area a camera sees", description = "A Feature whose geometry is the field of view polygon.")
    public FieldOfViewFeature fieldOfView(@PathParam("id") long id) {
        Camera camera = cameras.find(id).orElseThrow(() -> new CameraService.NotFound(id));
        return FieldOfViewFeature.of(camera);
    }

    @PUT
    @Path(ID)
    @RolesAllowed(Role.VOLUNTEER_NAME)
    @Consumes({"application/json", GEOJSON})
    @Operation(summary = "Edit a camera", description = "Send If-Match with the version you edited; a stale one answers 409.")
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        int expected = IfMatch.version(ifMatch);
        Camera camera = cameras.update(id, expected, CameraFeatureReader.read(body));
        return withTag(Response.ok(CameraFeature.of(camera, false)), camera).build();
    }

    @DELETE
    @Path(ID)
    @RolesAllowed(Role.VOLUNTEER_NAME)
    @Operation(summary = "Delete a camera that should never have been mapped (its author or a moderator)",
            description = "A soft delete: the history stays, reads answer 410. A camera taken down is status removed instead. "
                    + "Other volunteers get 403.")
    public Response delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        cameras.delete(id, IfMatch.version(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Operation(summary = "Cameras in an area", description = "bbox=minLon,minLat,maxLon,maxLat; filters take comma-separated values. "
            + "view=map answers each camera with what the map's marker shows (position, kind, cameraType, operatorType, "
            + "signage, status, directions, fieldOfView, range, operator, version); the default view=full answers whole Features.")
    @APIResponse(responseCode = "200", description = "A GeoJSON FeatureCollection",
            content = @Content(schema = @Schema(implementation = CameraCollection.class)))
    @org.vigie.common.query.KnownQueryParameters
    public Response search(@BeanParam CameraQueryParams params,
                           @Parameter(description = "fov: each Feature also carries its field of view as a polygon"
                                   + " (fieldOfView), with view=full only. Another value is refused (400).",
                                   schema = @Schema(type = SchemaType.STRING, enumeration = {"fov"}))
                           @QueryParam("include") String include,
                           @Parameter(description = "full (the default): whole Features; map: what the map's marker shows.")
                           @QueryParam("view") String view) {
        if (include != null && !include.isBlank() && !"fov".equals(include.strip())) {
            throw ProblemException.invalid("include", "unknown value \"" + include.strip() + "\": fov");
        }
        boolean withFieldOfView = include != null && "fov".equals(include.strip());
        if (SearchView.parse(view) == SearchView.MAP) {
            if (withFieldOfView) {
                throw ProblemException.invalid("include", "include=fov goes with view=full, not view=map");
            }
            // the whole document, written from the rows: one write, with its length, and nothing if the query fails
            return Response.ok(markers.search(params.toQuery())).build();
        }
        return Response.ok(rows.search(params.toQuery(), withFieldOfView)).build();
    }

    @GET
    @Path("watching")
    @Operation(summary = "Am I filmed here?", description = "Cameras in service whose field of view covers the point."
            + " Indoor cameras (filmedArea indoor) film inside a building, not the street in front of it: they are left"
            + " out unless include=indoor (someone inside asking).")
    public CameraCollection<CameraFeature> watching(
            @Parameter(description = "The point's longitude in degrees (WGS 84), from -180 to 180; required.", required = true,
                    schema = @Schema(type = SchemaType.NUMBER, minimum = "-180", maximum = "180"))
            @QueryParam("lon") String lon,
            @Parameter(description = "The point's latitude in degrees (WGS 84), from -90 to 90; required.", required = true,
                    schema = @Schema(type = SchemaType.NUMBER, minimum = "-90", maximum = "90"))
            @QueryParam("lat") String lat,
            @Parameter(description = "indoor: indoor cameras too (someone inside asking). Another value is refused (400).",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"indoor"}))
            @QueryParam("include") String include) {
        List<FieldError> errors = new ArrayList<>();
        double x = coordinate("lon", lon, 180, errors);
        double y = coordinate("lat", lat, 90, errors);
        if (include != null && !"indoor".equals(include)) {
            errors.add(new FieldError("include", "unknown value \"" + include.strip() + "\": indoor"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        boolean indoor = "indoor".equals(include);
        return CameraCollection.of(cameras.watching(x, y, indoor).stream().map(c -> CameraFeature.of(c, true)).toList());
    }

    @GET
    @Path(ID + "/history")
    @Produces("application/json")
    @Operation(summary = "Every version of a camera", description = "Oldest first, with the fields each version changed. "
            + "date: the day of each version; at, the exact time, for moderators only.")
    public List<CameraVersionView> history(@PathParam("id") long id) {
        boolean exact = current.isModerator();
        return cameras.history(id).stream().map(v -> CameraVersionView.of(v, exact)).toList();
    }

    private static boolean confirmed(String confirmDuplicate) {
        if (confirmDuplicate == null || confirmDuplicate.equals("false")) {
            return false;
        }
        if (confirmDuplicate.equals("true")) {
            return true;
        }
        throw ProblemException.invalid("confirmDuplicate", "must be true or false");
    }

    private static Response.ResponseBuilder withTag(Response.ResponseBuilder response, Camera camera) {
        return response.tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(camera.version)));
    }

    private static double coordinate(String name, String raw, double bound, List<FieldError> errors) {
        try {
            double value = Double.parseDouble(raw == null ? "" : raw.strip());
            if (Double.isFinite(value) && Math.abs(value) <= bound) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a number from -" + (int) bound + " to " + (int) bound));
        return 0;
    }
}
