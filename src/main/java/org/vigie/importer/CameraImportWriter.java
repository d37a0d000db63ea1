package org.vigie.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.locationtech.jts.io.WKBWriter;
import org.vigie.camera.Camera;
import org.vigie.camera.CameraDraft;
import org.vigie.camera.CameraHistory;
import org.vigie.camera.CameraService;
import org.vigie.camera.CameraVersion;
import org.vigie.camera.attribute.CameraStatus;
import org.vigie.camera.attribute.Capability;
import org.vigie.camera.rest.CameraFeature;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes imported cameras block by block, inside the import's transaction. New cameras go in with
 * COPY (the bulk path); the rare updates go through the entity, like an edit, so that their
 * history records the fields that changed. A camera a volunteer edited since its last import is
 * never overwritten: it is counted as a conflict.
 */
final class CameraImportWriter {

    static final int BLOCK = 2000;

    private static final String CAMERA_COLUMNS = "camera (id, position, fov_area, kind, camera_type, mount, directions, "
            + "field_of_view, range_m, height_m, tilt, filmed_area, zone, level, capabilities, films_workstations, "
            + "operator, operator_type, signage, status, notes, source, source_id, tags, version, visible, created_at, "
            + "updated_at, source_version, source_hash, imported_version)";
    private static final String VERSION_COLUMNS = "camera_version (camera_id, version, action, changed_fields, snapshot, created_at)";

    private record Candidate(SourceObject object, CameraDraft draft, String hash) {
    }

    private record Existing(long id, int version, Integer importedVersion, Integer sourceVersion, String hash,
                            CameraStatus status) {
        boolean editedSinceImport() {
            return importedVersion == null || version > importedVersion;
        }
    }

    private final Connection connection;
    private final EntityManager entities;
    private final CameraHistory history;
    private final ObjectMapper json;
    private final String source;
    private final ImportCounters counters;
    private final boolean trackSeen;
    private final Map<String, Candidate> block = new LinkedHashMap<>();
    private final CsvCopy cameraRows = new CsvCopy();
    private final CsvCopy versionRows = new CsvCopy();
    private final CsvCopy seenRows = new CsvCopy();
    private final WKBWriter wkb = new WKBWriter(2, true);

    CameraImportWriter(Connection connection, EntityManager entities, CameraHistory history, ObjectMapper json,
                       String source, ImportCounters counters, boolean trackSeen) throws SQLException {
        this.connection = connection;
        this.entities = entities;
        this.history = history;
        this.json = json;
        this.source = source;
        this.counters = counters;
        this.trackSeen = trackSeen;
        if (trackSeen) {
            try (var s = connection.createStatement()) {
                s.execute("CREATE TEMP TABLE IF NOT EXISTS import_seen (source_id text PRIMARY KEY) ON COMMIT DROP");
            }
        }
    }

    /** Queues a camera; a later object with the same id in the same block replaces it if it is newer. */
    void add(SourceObject object, CameraDraft draft) throws SQLException {
        block.merge(object.sourceId(), new Candidate(object, draft, SourceHash.of(object)), (old, now) ->
                newer(now.object().sourceVersion(), old.object().sourceVersion()) ? now : old);
        if (block.size() >= BLOCK) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (block.isEmpty()) {
            return;
        }
        Map<String, Existing> existing = lookUp(block.keySet());
        List<Candidate> creates = new ArrayList<>();
        for (Candidate c : block.values()) {
            String hash = c.hash();
            Existing e = existing.get(c.object().sourceId());
            if (trackSeen) {
                seenRows.field(c.object().sourceId()).endRow();
            }
            if (e == null) {
                creates.add(c);
            } else if (hash.equals(e.hash) && e.status != CameraStatus.REMOVED) {
                counters.unchanged++;
            } else if (newer(e.sourceVersion, c.object().sourceVersion())) {
                counters.skip("older_than_stored");
            } else if (e.editedSinceImport()) {
                counters.conflict(c.object().sourceId());
            } else {
                update(e.id, c, hash);
            }
        }
        create(creates);
        seenRows.copyInto(connection, "import_seen (source_id)");
        entities.flush();
        entities.clear();
        block.clear();
    }

    private static boolean newer(Integer a, Integer b) {
        return a != null && b != null && a > b;
    }

    private Map<String, Existing> lookUp(java.util.Set<String> sourceIds) throws SQLException {
        Map<String, Existing> found = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT source_id, id, version, imported_version, "
                + "source_version, source_hash, status FROM camera WHERE source = ? AND source_id = ANY (?)")) {
            Array ids = connection.createArrayOf("text", sourceIds.toArray());
            s.setString(1, source);
            s.setArray(2, ids);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.put(r.getString(1), new Existing(r.getLong(2), r.getInt(3), (Integer) r.getObject(4),
                            (Integer) r.getObject(5), r.getString(6),
                            org.vigie.camera.attribute.WireEnum.parse(CameraStatus.class, r.getString(7)).orElseThrow()));
                }
            }
        }
        return found;
    }

    private void create(List<Candidate> creates) throws SQLException {
        if (creates.isEmpty()) {
            return;
        }
        long[] ids = allocateIds(creates.size());
        OffsetDateTime now = CameraService.now();
        for (int i = 0; i < ids.length; i++) {
            Candidate c = creates.get(i);
            Camera camera = new Camera();
            c.draft().applyTo(camera);
            camera.id = ids[i];
            camera.version = 1;
            camera.importedVersion = 1;
            camera.source = source;
            camera.sourceId = c.object().sourceId();
            camera.sourceVersion = c.object().sourceVersion();
            camera.sourceHash = c.hash();
            camera.tags = c.object().tags();
            camera.createdAt = now;
            camera.updatedAt = now;
            cameraRow(camera);
            versionRows.field(camera.id).field(1).field("import").field("{}")
                    .field(snapshot(camera)).field(now).endRow();
        }
        cameraRows.copyInto(connection, CAMERA_COLUMNS);
        versionRows.copyInto(connection, VERSION_COLUMNS);
        counters.created += creates.size();
    }

    private void cameraRow(Camera c) {
        cameraRows.field(c.id).hex(wkb.write(c.position)).hex(wkb.write(c.fovArea))
                .field(c.kind.wire()).field(c.cameraType.wire()).field(c.mount.wire())
                .array(Arrays.stream(c.directions).boxed().toList()).field(c.fieldOfView).field(c.range)
                .field(c.height).field(c.tilt).field(c.filmedArea.wire()).field(c.zone.wire()).field(c.level)
                .array(c.capabilities.stream().map(Capability::wire).toList()).field(c.filmsWorkstations.wire())
                .field(c.operator).field(c.operatorType.wire()).field(c.signage.wire()).field(c.status.wire())
                .field(c.notes).field(c.source).field(c.sourceId).field(toJson(c.tags)).field(c.version).field(true)
                .field(c.createdAt).field(c.updatedAt).field(c.sourceVersion).field(c.sourceHash).field(c.importedVersion)
                .endRow();
    }

    /** Like an edit: the entity takes the new values, a version and a history entry with the changed fields. */
    private void update(long id, Candidate c, String hash) {
        Camera camera = entities.find(Camera.class, id, LockModeType.PESSIMISTIC_WRITE);
        c.draft().applyTo(camera);
        camera.tags = c.object().tags();
        camera.sourceVersion = c.object().sourceVersion();
        camera.sourceHash = hash;
        if (camera.status == CameraStatus.REMOVED) {
            camera.status = CameraStatus.REPORTED; // it is back in the source
        }
        newImportVersion(camera);
        counters.updated++;
    }

    /** Marks a camera the source no longer has as taken down, unless a volunteer has edited it since. */
    void markRemoved(long id) {
        Camera camera = entities.find(Camera.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (camera.importedVersion == null || camera.version > camera.importedVersion) {
            counters.conflict(camera.sourceId);
            return;
        }
        camera.status = CameraStatus.REMOVED;
        newImportVersion(camera);
        counters.removed++;
    }

    private void newImportVersion(Camera camera) {
        camera.version++;
        camera.importedVersion = camera.version;
        camera.updatedAt = CameraService.now();
        entities.flush();
        history.record(camera, CameraVersion.Action.IMPORT);
    }

    private long[] allocateIds(int n) throws SQLException {
        long[] ids = new long[n];
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT nextval(pg_get_serial_sequence('camera', 'id')) FROM generate_series(1, ?)")) {
            s.setInt(1, n);
            try (ResultSet r = s.executeQuery()) {
                for (int i = 0; r.next(); i++) {
                    ids[i] = r.getLong(1);
                }
            }
        }
        return ids;
    }

    private String snapshot(Camera camera) {
        return toJson(CameraFeature.of(camera, false));
    }

    private String toJson(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
