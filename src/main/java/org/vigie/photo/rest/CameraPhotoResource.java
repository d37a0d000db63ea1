package org.vigie.photo.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.vigie.account.Account;
import org.vigie.account.CurrentAccount;
import org.vigie.common.problem.ProblemException;
import org.vigie.photo.Photo;
import org.vigie.photo.PhotoImages;
import org.vigie.photo.PhotoLimits;
import org.vigie.photo.PhotoService;

import java.net.URI;
import java.util.List;

/** The photos of one camera: list them, add one (volunteers). */
@Path("/api/cameras/{id: \\d+}/photos")
@Tag(name = "Photos")
@Produces(MediaType.APPLICATION_JSON)
public class CameraPhotoResource {

    /** The largest upload accepted, before re-encoding: a phone's full-size photo fits. */
    public static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;

    private final PhotoService photos;
    private final PhotoLimits limits;
    private final CurrentAccount current;

    public CameraPhotoResource(PhotoService photos, PhotoLimits limits, CurrentAccount current) {
        this.photos = photos;
        this.limits = limits;
        this.current = current;
    }

    @GET
    @Operation(summary = "The photos of a camera", description = "Oldest first; removed photos are left out. 404 unknown camera, 410 deleted one.")
    public List<PhotoView> list(@PathParam("id") long cameraId) {
        return photos.ofCamera(cameraId).stream().map(PhotoView::of).toList();
    }

    @POST
    @RolesAllowed("volunteer")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Add a photo of a camera",
            description = "Multipart field file: a JPEG, PNG or WebP image of at most 10 MB and 50 megapixels. It is decoded and "
                    + "re-encoded as a JPEG of at most 1600 px, with a 320 px thumbnail, keeping no metadata (EXIF, GPS, ICC, XMP, comments). "
                    + "429 with Retry-After past the account's hourly quota (vigie.limits.photos-per-hour, less while the account is new). "
                    + "Multipart field sign=true marks a photo of the camera's sign (what it says) rather than of the camera.")
    public Response add(@PathParam("id") long cameraId, @RestForm("file") FileUpload file, @RestForm("sign") String sign,
                        @jakarta.ws.rs.core.Context UriInfo uri) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "attach the photo as the multipart field \"file\"");
        }
        if (sign != null && !sign.equals("true") && !sign.equals("false")) {
            throw ProblemException.invalid("sign", "must be true (a photo of the sign) or false");
        }
        photos.requireCamera(cameraId);
        Account uploader = current.require();
        limits.check(uploader); // before the decoding, the costly part
        PhotoImages.Encoded encoded = photos.encode(read(file));
        Photo photo = photos.add(cameraId, uploader, encoded, "true".equals(sign));
        PhotoView view = PhotoView.of(photo);
        return Response.created(uri.getBaseUriBuilder().path(view.url()).build()).entity(view).build();
    }

    private static byte[] read(FileUpload file) {
        return UploadedImage.bytes(file, MAX_UPLOAD_BYTES, "photo-too-large", "Photo too large");
    }
}
