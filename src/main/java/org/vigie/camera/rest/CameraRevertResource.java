package org.vigie.camera.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.account.Role;
import org.vigie.camera.Camera;
import org.vigie.camera.CameraReverts;
import org.vigie.common.problem.ProblemException;

/** Going back to an earlier version of a camera, as a new version. */
@Path("/api/cameras")
@Tag(name = "Cameras")
public class CameraRevertResource {

    private final CameraReverts reverts;

    public CameraRevertResource(CameraReverts reverts) {
        this.reverts = reverts;
    }

    public record RevertRequest(Integer version) {
    }

    @POST
    @Path("{id: \\d+}/revert")
    @RolesAllowed(Role.VOLUNTEER_NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({CameraResource.GEOJSON, MediaType.APPLICATION_JSON})
    @Operation(summary = "Revert a camera to an earlier version (volunteers)",
            description = "{\"version\": N} with If-Match naming the current version: the camera's content becomes version "
                    + "N's again, as a new version (action revert). A stale If-Match answers 409.")
    public Response revert(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, RevertRequest body) {
        int expected = IfMatch.version(ifMatch);
        if (body == null || body.version() == null) {
            throw ProblemException.invalid("version", "the version to go back to");
        }
        Camera camera = reverts.revert(id, expected, body.version());
        return Response.ok(CameraFeature.of(camera, false)).tag(new EntityTag(String.valueOf(camera.version))).build();
    }
}
