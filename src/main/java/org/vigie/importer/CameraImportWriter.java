package org.vigie.importer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.vigie.camera.Camera;
import org.vigie.camera.CameraHistory;
import org.vigie.camera.CameraWrites;
import org.vigie.camera.CameraVersion;
import org.vigie.camera.attribute.CameraStatus;
import org.vigie.camera.attribute.WireEnum;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes imported cameras block by block, inside the import's transaction. New cameras go in with
 * COPY (the bulk path); the rare updates go through the entity, like an edit, so that their
 * history records the fields that changed. A camera a volunteer edited since its last import is
 * never overwritten: it is counted as a conflict.
 */
final class CameraImportWriter {

    private record Existing(long id, int version, Integer importedVersion, Integer sourceVersion, String hash,
                            CameraStatus status, LocalDate firstSeen) {
        boolean editedSinceImport() {
            return importedVersion == null || version > importedVersion;
        }

        /** Taken down because an earlier import no longer had it (not by a volunteer). */
        boolean removedByImport() {
            return status == CameraStatus.REMOVED && !editedSinceImport();
        }

        /** The source now dates it earlier than stored (a timestamp read since, a file from another extract). */
        boolean datedLaterThan(LocalDate day) {
            return day != null && (firstSeen == null || day.isBefore(firstSeen));
        }
    }

    private final Connection connection;
    private final EntityManager entities;
    private final CameraWrites writes;
    private final ImportedVersions importedVersions;
    private final String source;
    private final ImportCounters counters;
    private final boolean trackSeen;
    private final BinaryCopy cameraRows = new BinaryCopy(1 << 20);
    private final CsvCopy seenRows = new CsvCopy();
    private final BlockCities cities;

    /** {@code preparer}: what prepared the cameras this writer receives (their source, their creation time). */
    CameraImportWriter(Connection connection, EntityManager entities, CameraHistory history, CameraPreparer preparer,
                       ImportCounters counters, boolean trackSeen) throws SQLException {
        this.connection = connection;
        this.entities = entities;
        this.writes = new CameraWrites(history, entities);
        this.source = preparer.source();
        this.importedVersions = new ImportedVersions(connection, entities, history, source, preparer.now());
        this.counters = counters;
        this.trackSeen = trackSeen;
        this.cities = new BlockCities(connection);
        if (trackSeen) {
            try (var s = connection.createStatement()) {
                // No key: an object may come twice in a file, in two blocks.
                s.execute("CREATE TEMP TABLE IF NOT EXISTS import_seen (source_id text COLLATE \"C\") ON COMMIT DROP");
            }
        }
    }

    void write(List<PreparedCamera> cameras) throws SQLException {
        // The same object twice in a block (two versions in one file): the newest wins.
        Map<String, PreparedCamera> block = new LinkedHashMap<>(2 * cameras.size()); // sized not to grow
        for (PreparedCamera c : cameras) {
            block.merge(c.object().sourceId(), c, (old, now) ->
                    newer(now.object().sourceVersion(), old.object().sourceVersion()) ? now : old);
        }
        Map<String, Existing> existing = lookUp(block.keySet());
        List<PreparedCamera> creates = new ArrayList<>();
        for (PreparedCamera c : block.values()) {
            Existing e = existing.get(c.object().sourceId());
            if (trackSeen) {
                seenRows.field(c.object().sourceId()).endRow();
            }
            if (e == null) {
                creates.add(c);
            } else if (c.hash().equals(e.hash) && !e.removedByImport()) {
                if (e.datedLaterThan(c.draft().firstSeen()) && !e.editedSinceImport()
                        && !newer(e.sourceVersion, c.object().sourceVersion())) {
                    update(e.id, c); // the same object, seen earlier than stored: a version for the day alone
                } else {
                    counters.unchanged++;
                }
            } else if (newer(e.sourceVersion, c.object().sourceVersion())) {
                counters.skip("older_than_stored");
            } else if (e.sourceVersion != null && c.object().sourceVersion() == null) {
                // A file without versions (Overpass without meta) cannot say it is newer than what we have.
                counters.skip("no_version_to_compare");
            } else if (e.editedSinceImport()) {
                counters.conflict(c.object().sourceId(), e.id);
            } else {
                update(e.id, c);
            }
        }
        create(creates);
        seenRows.copyInto(connection, "import_seen (source_id)");
        entities.flush();
        entities.clear();
    }

    private static boolean newer(Integer a, Integer b) {
        return a != null && b != null && a > b;
    }

    private Map<String, Existing> lookUp(Set<String> sourceIds) throws SQLException {
        Map<String, Existing> found = new HashMap<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT source_id, id, version, imported_version, "
                + "source_version, source_hash, status, first_seen FROM camera WHERE source = ? AND source_id = ANY (?)")) {
            Array ids = connection.createArrayOf("text", sourceIds.toArray());
            s.setString(1, source);
            s.setArray(2, ids);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.put(r.getString(1), new Existing(r.getLong(2), r.getInt(3), (Integer) r.getObject(4),
                            (Integer) r.getObject(5), r.getString(6),
                            WireEnum.parse(CameraStatus.class, r.getString(7)).orElseThrow(),
                            r.getObject(8, LocalDate.class)));
                }
            }
        }
        return found;
    }

    private void create(List<PreparedCamera> creates) throws SQLException {
        if (creates.isEmpty()) {
            return;
        }
        String[] cityCodes = cities.of(creates);
        long[] ids = importedVersions.newIds(creates.size());
        var versions = importedVersions.prepare(creates, ids, cityCodes); // built while PostgreSQL stores the cameras
        for (int i = 0; i < cityCodes.length; i++) {
            PreparedCamera c = creates.get(i);
            cameraRows.row(CameraPreparer.CAMERA_FIELDS).int8(ids[i]).append(c.rows(), c.from(), c.to()).text(cityCodes[i]);
        }
        // Sent before the next block looks up what this one wrote.
        cities.copyWithCities(() -> cameraRows.copyInto(connection, CameraPreparer.CAMERA_COLUMNS));
        importedVersions.write(versions);
        counters.created += creates.size();
    }

    /** Like an edit: the entity takes the new values, a version and a history entry with the changed fields. */
    private void update(long id, PreparedCamera c) {
        Camera camera = entities.find(Camera.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (editedSinceImport(camera)) {
            // A volunteer saved an edit between the look-up and the lock: theirs stands.
            counters.conflict(camera.sourceId, camera.id);
            return;
        }
        LocalDate seen = camera.firstSeen;
        c.draft().applyTo(camera);
        // a later version never makes the camera younger: it was there when first seen (issue 17)
        camera.firstSeen = ImportDates.earlier(seen, camera.firstSeen);
        camera.tags = c.object().tags();
        camera.sourceVersion = c.object().sourceVersion();
        camera.sourceHash = c.hash();
        if (camera.status == CameraStatus.REMOVED) {
            camera.status = CameraStatus.REPORTED; // it is back in the source
        }
        newImportVersion(camera, null);
        counters.updated++;
    }

    /** Marks cameras the source no longer has as taken down, unless a volunteer has edited them since. */
    void markRemoved(List<Long> ids) {
        markRemoved(ids, null);
    }

    /**
     * The same, each removal's version saying why ({@code reasons}, in the order of {@code ids}; null
     * for no reason): a diff's deletion names the object and its changeset.
     */
    void markRemoved(List<Long> ids, List<String> reasons) {
        for (int i = 0; i < ids.size(); i++) {
            Camera camera = entities.find(Camera.class, ids.get(i), LockModeType.PESSIMISTIC_WRITE);
            if (editedSinceImport(camera)) {
                counters.conflict(camera.sourceId, camera.id);
            } else {
                camera.status = CameraStatus.REMOVED;
                newImportVersion(camera, reasons == null ? null : reasons.get(i));
                counters.removed++;
            }
            if (i % 500 == 499) {
                entities.clear(); // the session would otherwise hold every camera removed
            }
        }
        entities.clear();
    }

    private static boolean editedSinceImport(Camera camera) {
        return camera.importedVersion == null || camera.version > camera.importedVersion;
    }

    private void newImportVersion(Camera camera, String reason) {
        camera.importedVersion = camera.version + 1;
        writes.newVersion(camera, CameraVersion.Action.IMPORT, null, reason);
    }
}
