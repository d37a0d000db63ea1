package org.vigie.photo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.vigie.account.Account;
import org.vigie.camera.Camera;
import org.vigie.camera.CameraService;
import org.vigie.common.problem.ProblemException;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Photos of cameras: stored re-encoded, listed, served while neither they nor their camera are
 * removed, and removed (softly, as cameras are) by their uploader or a moderator.
 */
@ApplicationScoped
public class PhotoService {

    private final PhotoLimits limits;

    PhotoService(PhotoLimits limits) {
        this.limits = limits;
    }

    /** Decoding takes memory and a core: a few at a time, the others wait their turn. */
    private final Semaphore decoding = new Semaphore(2, true);

    /** The camera photos are added to, or the 404 / 410 problem of the camera. */
    @Transactional
    public void requireCamera(long cameraId) {
        camera(cameraId, LockModeType.NONE);
    }

    /** The upload decoded and re-encoded without metadata; the slow part, outside any transaction. */
    public PhotoImages.Encoded encode(byte[] upload) {
        return encode(upload, PhotoImages.MAX_SIDE);
    }

    /** As {@link #encode(byte[])}, fitted to {@code maxSide} pixels (floor plans). */
    public PhotoImages.Encoded encode(byte[] upload, int maxSide) {
        try {
            if (!decoding.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new ProblemException(503, "busy", "Busy", "too many photos are being processed: send it again in a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "busy", "Busy", "the server is stopping: send the photo again later");
        }
        try {
            return PhotoImages.process(upload, maxSide);
        } finally {
            decoding.release();
        }
    }

    /** Stores the photo, counted against the uploader's quota again: uploads decoded side by side all passed the first check. */
    @Transactional
    public Photo add(long cameraId, Account uploader, PhotoImages.Encoded encoded, boolean ofSign) {
        limits.check(uploader);
        camera(cameraId, LockModeType.PESSIMISTIC_READ); // not deleted while the photo is added
        Photo photo = new Photo();
        photo.cameraId = cameraId;
        photo.uploadedBy = uploader.username;
        photo.ofSign = ofSign;
        photo.width = encoded.width();
        photo.height = encoded.height();
        photo.image = encoded.image();
        photo.thumbnail = encoded.thumbnail();
        photo.createdAt = CameraService.now();
        photo.persistAndFlush();
        return photo;
    }

    /** The shown photos of a visible camera, oldest first. */
    @Transactional
    public List<Photo> ofCamera(long cameraId) {
        camera(cameraId, LockModeType.NONE);
        return Photo.list("cameraId = ?1 and removedAt is null order by createdAt, id", cameraId);
    }

    /** A photo that is shown; 404 when it never existed, 410 once it or its camera was removed. */
    @Transactional
    public Photo find(long id) {
        Photo photo = Photo.<Photo>findByIdOptional(id).orElseThrow(() -> new NotFound(id));
        requireShown(photo);
        return photo;
    }

    /** The bytes of a shown photo or of its thumbnail. */
    @Transactional
    public byte[] bytes(long id, boolean thumbnail) {
        Photo photo = find(id);
        return thumbnail ? photo.thumbnail : photo.image;
    }

    /** Hides the photo: allowed to its uploader and to moderators, 403 for anyone else. */
    @Transactional
    public void remove(long id, String by, boolean moderator) {
        Photo photo = Photo.<Photo>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> new NotFound(id));
        requireShown(photo);
        if (!moderator && !photo.uploadedBy.equals(by)) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "only the volunteer who added this photo, or a moderator, may remove it");
        }
        photo.removedAt = CameraService.now();
        photo.removedBy = by;
    }

    private static void requireShown(Photo photo) {
        if (photo.removed()) {
            throw new Gone(photo.id, "photo " + photo.id + " was removed");
        }
        Optional<Camera> camera = Camera.findByIdOptional(photo.cameraId);
        if (camera.isEmpty() || !camera.get().visible) {
            throw new Gone(photo.id, "the camera of photo " + photo.id + " was deleted");
        }
    }

    private static Camera camera(long id, LockModeType lock) {
        Camera camera = Camera.<Camera>findByIdOptional(id, lock).orElseThrow(() -> new CameraService.NotFound(id));
        if (!camera.visible) {
            throw new CameraService.Gone(camera);
        }
        return camera;
    }

    public static final class NotFound extends ProblemException {
        public NotFound(long id) {
            super(404, "photo-not-found", "Photo not found", "no photo has the id " + id);
        }
    }

    public static final class Gone extends ProblemException {
        public Gone(long id, String detail) {
            super(410, "photo-removed", "Photo removed", detail);
            with("id", id);
        }
    }
}
