package org.vigie.photo.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.photo.PhotoService;

/** One photo: its details, its image and thumbnail, its removal. */
@Path(PhotoResource.PATH)
@Tag(name = "Photos")
public class PhotoResource {

    static final String PATH = "/api/photos";
    private static final String ID = "{id: \\d+}";
    /** Short, so that a photo a moderator removed leaves browser caches soon; revalidation is cheap (304). */
    private static final int MAX_AGE_S = 300;

    private final PhotoService photos;
    private final SecurityIdentity identity;

    public PhotoResource(PhotoService photos, SecurityIdentity identity) {
        this.photos = photos;
        this.identity = identity;
    }

    @GET
    @Path(ID + "/details")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A photo's details", description = "The same JSON as in the camera's list; 404 unknown, 410 removed.")
    public PhotoView details(@PathParam("id") long id) {
        return PhotoView.of(photos.find(id));
    }

    @GET
    @Path(ID)
    @Produces("image/jpeg")
    @Operation(summary = "A photo", description = "A JPEG of at most 1600 px without metadata; 410 once removed.")
    public Response image(@PathParam("id") long id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(id, false, ifNoneMatch);
    }

    @GET
    @Path(ID + "/thumbnail")
    @Produces("image/jpeg")
    @Operation(summary = "A photo's thumbnail", description = "A JPEG of at most 320 px without metadata; 410 once removed.")
    public Response thumbnail(@PathParam("id") long id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(id, true, ifNoneMatch);
    }

    @DELETE
    @Path(ID)
    @RolesAllowed("volunteer")
    @Operation(summary = "Remove a photo", description = "By its uploader or a moderator (others get 403): it is no longer served (410).")
    public Response remove(@PathParam("id") long id) {
        photos.remove(id, identity.getPrincipal().getName(), identity.hasRole("moderator"));
        return Response.noContent().build();
    }

    /** A photo's bytes never change (a new photo gets a new id), so its ETag is its id. */
    private Response serve(long id, boolean thumbnail, String ifNoneMatch) {
        EntityTag tag = new EntityTag((thumbnail ? "t" : "p") + id);
        byte[] bytes = photos.bytes(id, thumbnail); // checks that it is still shown, also on revalidation
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_S);
        cache.setPrivate(false);
        Response.ResponseBuilder response = ("\"" + tag.getValue() + "\"").equals(ifNoneMatch)
                ? Response.notModified(tag)
                : Response.ok(bytes, "image/jpeg").tag(tag)
                        .header("Content-Disposition", "inline; filename=\"vigie-photo-" + id + (thumbnail ? "-thumbnail" : "") + ".jpg\"");
        // X-Content-Type-Options: nosniff comes with every response (org.vigie.map.ContentSecurityPolicy)
        return response.cacheControl(cache).build();
    }
}
