package org.vigie.camera;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.locationtech.jts.geom.Point;
import org.vigie.account.Account;
import org.vigie.account.CurrentAccount;
import org.vigie.camera.attribute.CameraStatus;
import org.vigie.camera.attribute.FilmedArea;
import org.vigie.common.geo.Geodesy;
import org.vigie.common.geo.Geometries;
import org.vigie.common.problem.ProblemException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes and reads cameras following OpenStreetMap's editing model: every write names the
 * version it saw, a stale one is refused, each version is kept, and deletion hides the camera.
 */
@ApplicationScoped
public class CameraService {

    private final CameraWrites writes;
    private final CurrentAccount account;
    private final WriteLimits limits;
    private final Duplicates duplicates;
    private final AdditionKeys additionKeys;

    public CameraService(CameraWrites writes, CurrentAccount account, WriteLimits limits,
                         Duplicates duplicates, AdditionKeys additionKeys) {
        this.writes = writes;
        this.account = account;
        this.limits = limits;
        this.duplicates = duplicates;
        this.additionKeys = additionKeys;
    }

    /**
     * Adds a camera for the current account, within its quota. Another camera of the same kind within
     * 10 m answers 409 duplicate-suspected unless the client confirmed it is another one. With an
     * idempotency key already used by this account, answers the camera stored then, and nothing else.
     */
    @Transactional
    public Addition create(CameraDraft draft, boolean confirmedNotDuplicate, AdditionKeys.Key key) {
        Account author = account.require();
        if (key != null) {
            Optional<Long> stored = additionKeys.claim(author.id, key);
            if (stored.isPresent()) {
                return new Addition(find(stored.get()).orElseThrow(() -> new NotFound(stored.get())), true);
            }
        }
        limits.checkCreate(author);
        if (!confirmedNotDuplicate) {
            List<Long> nearby = duplicates.near(draft.lon(), draft.lat(), draft.kind());
            if (!nearby.isEmpty()) {
                throw new Duplicates.Suspected(nearby);
            }
        }
        Camera camera = new Camera();
        draft.applyTo(camera);
        camera.createdBy = author.id;
        camera.version = 1;
        camera.createdAt = now();
        camera.updatedAt = camera.createdAt;
        if (camera.firstSeen == null) {
            camera.firstSeen = camera.createdAt.toLocalDate(); // the volunteer saw it the day they added it
        }
        camera.persist();
        writes.created(camera, CameraVersion.Action.CREATE, author.id);
        if (key != null) {
            additionKeys.bind(author.id, key, camera.id);
        }
        return new Addition(camera, false);
    }

    /** The camera an addition stored; {@code replayed} when an earlier request with its key had stored it. */
    public record Addition(Camera camera, boolean replayed) {
    }

    /** The visible camera, empty when it never existed; {@link Gone} when it was deleted. */
    @Transactional
    public Optional<Camera> find(long id) {
        Optional<Camera> camera = Camera.findByIdOptional(id);
        camera.filter(c -> !c.visible).ifPresent(c -> {
            throw new Gone(c);
        });
        return camera;
    }

    @Transactional
    public Camera update(long id, int expectedVersion, CameraDraft draft) {
        Account author = account.require();
        limits.checkEdit(author);
        Camera camera = lockCurrent(id, expectedVersion);
        draft.applyTo(camera);
        writes.newVersion(camera, CameraVersion.Action.UPDATE, author.id);
        return camera;
    }

    /** Only the camera's author or a moderator deletes it; volunteers report it instead. */
    @Transactional
    public void delete(long id, int expectedVersion) {
        Account author = account.require();
        limits.checkEdit(author);
        Camera camera = lock(id);
        if (!account.isModerator() && !author.id.equals(camera.createdBy)) {
            throw new NotAuthor(camera);
        }
        checkVersion(camera, expectedVersion);
        camera.visible = false;
        writes.newVersion(camera, CameraVersion.Action.DELETE, author.id);
    }

    /**
     * Cameras in service whose field of view covers the point: "am I filmed here?". Indoor cameras
     * film a room, not the street their cone would cross on a map: counted only when {@code indoor}.
     */
    @Transactional
    public List<Camera> watching(double lon, double lat, boolean indoor) {
        // Only cameras within the longest range can see the point: the position index finds them.
        double latSpan = Math.toDegrees(CameraDraft.MAX_RANGE / Geodesy.EARTH_RADIUS_M);
        double lonSpan = latSpan / Math.max(0.01, Math.cos(Math.toRadians(lat)));
        var query = Camera.getEntityManager().createQuery("select id, position, directions, fieldOfView,"
                        + " range from Camera where visible = true and status <> ?1 and st_intersects(position, ?2) = true"
                        + (indoor ? "" : " and filmedArea <> ?3"), Object[].class)
                .setParameter(1, CameraStatus.REMOVED)
                .setParameter(2, Geometries.box(lon - lonSpan, lat - latSpan, lon + lonSpan, lat + latSpan));
        if (!indoor) {
            query.setParameter(3, FilmedArea.INDOOR);
        }
        List<Object[]> candidates = query.getResultList();
        // The field of view is derived, not stored: test each candidate's here, then load those that see the point.
        Point here = Geometries.point(lon, lat);
        List<Long> seeing = new ArrayList<>();
        for (Object[] c : candidates) {
            Point position = (Point) c[1];
            if (FieldOfViewArea.of(position.getX(), position.getY(), (int[]) c[2], (int) c[3], (int) c[4]).intersects(here)) {
                seeing.add((Long) c[0]);
            }
        }
        return seeing.isEmpty() ? List.of() : Camera.list("id in ?1 order by id", seeing);
    }

    /**
     * Every version, public as in OpenStreetMap, deleted cameras included; but a camera a moderator
     * hid (abusive content, a volunteer's home) keeps its history for moderators only.
     */
    @Transactional
    public List<CameraVersion> history(long id) {
        Camera camera = Camera.<Camera>findByIdOptional(id).orElseThrow(() -> new NotFound(id));
        List<CameraVersion> versions = CameraVersion.of(camera.id);
        if (!camera.visible && !account.isModerator() && !versions.isEmpty()
                && versions.get(versions.size() - 1).hidesContent()) {
            throw new Hidden(camera);
        }
        return versions;
    }

    /** Locks the row so that concurrent writers queue, then checks the version the client saw. */
    private Camera lockCurrent(long id, int expectedVersion) {
        Camera camera = lock(id);
        checkVersion(camera, expectedVersion);
        return camera;
    }

    /** Locks a visible camera's row for a write: 404 unknown, 410 deleted. */
    public static Camera lock(long id) {
        Camera camera = lockAny(id);
        if (!camera.visible) {
            throw new Gone(camera);
        }
        return camera;
    }

    /** Locks a camera's row for a write, deleted or not: 404 unknown. */
    public static Camera lockAny(long id) {
        return Camera.<Camera>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> new NotFound(id));
    }

    public static void checkVersion(Camera camera, int expectedVersion) {
        if (camera.version != expectedVersion) {
            throw new StaleVersion(expectedVersion, camera.version);
        }
    }

    /** The database assigns the city from the position (trigger camera_assign_city): read it back. */
    public static void readDerivedColumns(Camera camera) {
        Camera.getEntityManager().refresh(camera);
    }

    /** Postgres keeps microseconds: truncating here makes what we answer equal what we stored. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public static final class NotFound extends ProblemException {
        public NotFound(long id) {
            super(404, "camera-not-found", "Camera not found", "no camera has the id " + id);
        }
    }

    public static final class Gone extends ProblemException {
        public Gone(Camera camera) {
            super(410, "camera-deleted", "Camera deleted",
                    "camera " + camera.id + " was deleted at version " + camera.version);
            with("version", camera.version);
        }
    }

    public static final class Hidden extends ProblemException {
        public Hidden(Camera camera) {
            super(410, "camera-hidden", "Camera hidden",
                    "camera " + camera.id + " was hidden by a moderator at version " + camera.version + ": its history is for moderators only");
            with("version", camera.version);
        }
    }

    public static final class NotAuthor extends ProblemException {
        public NotAuthor(Camera camera) {
            super(403, "not-author", "Only its author or a moderator may delete this camera",
                    "camera " + camera.id + " was added by another account: report it instead of deleting it");
        }
    }

    public static final class StaleVersion extends ProblemException {
        public StaleVersion(int provided, int current) {
            super(409, "version-conflict", "Version conflict",
                    "provided version " + provided + ", server has version " + current
                            + ": reload the camera, apply your change again and resend it");
            with("providedVersion", provided);
            with("currentVersion", current);
        }
    }
}
