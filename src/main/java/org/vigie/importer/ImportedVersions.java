package org.vigie.importer;

import jakarta.persistence.EntityManager;
import org.vigie.camera.Camera;
import org.vigie.camera.CameraHistory;
import org.vigie.camera.attribute.CameraStatus;
import org.vigie.city.CityRef;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The history row of each new camera's version 1, written with the cameras of its block: the
 * snapshot is {@link CameraHistory#snapshot} of the camera as its row now holds it (the same JSON an
 * edit's version would keep), sent with one binary COPY a block. Every version of an imported camera
 * thus has its history row from the start, and no later writer needs to remember to copy it
 * (OneWritePathTest compares these rows with what CameraHistory makes of the stored cameras).
 */
final class ImportedVersions {

    private static final String COLUMNS = "camera_version (camera_id, version, action, created_at, snapshot)";

    private final Connection connection;
    private final EntityManager entities;
    private final CameraHistory history;
    private final String source;
    private final BinaryCopy rows = new BinaryCopy(1 << 20);

    ImportedVersions(Connection connection, EntityManager entities, CameraHistory history, String source) {
        this.connection = connection;
        this.entities = entities;
        this.history = history;
        this.source = source;
    }

    /** Writes the version 1 of {@code created}, just copied into the camera table with {@code cityCodes}. */
    void write(List<PreparedCamera> created, String[] cityCodes) throws SQLException {
        Map<String, Stored> stored = stored(created);
        Map<String, CityRef> cities = new HashMap<>();
        for (int i = 0; i < created.size(); i++) {
            PreparedCamera c = created.get(i);
            Stored row = stored.get(c.object().sourceId());
            Camera camera = asStored(c, row, cityCodes[i] == null ? null
                    : cities.computeIfAbsent(cityCodes[i], code -> entities.find(CityRef.class, code)));
            rows.row(5).int8(row.id).integer(1).text("import").timestamptz(row.createdAt)
                    .jsonb(history.snapshotJson(camera));
        }
        rows.copyInto(connection, COLUMNS);
    }

    private record Stored(long id, OffsetDateTime createdAt) {
    }

    /** The ids and creation times the database gave the block's new cameras. */
    private Map<String, Stored> stored(List<PreparedCamera> created) throws SQLException {
        Map<String, Stored> found = new HashMap<>(2 * created.size());
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT source_id, id, created_at FROM camera WHERE source = ? AND source_id = ANY (?)")) {
            Array ids = connection.createArrayOf("text", created.stream().map(c -> c.object().sourceId()).toArray());
            s.setString(1, source);
            s.setArray(2, ids);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.put(r.getString(1), new Stored(r.getLong(2), r.getObject(3, OffsetDateTime.class)));
                }
            }
        }
        return found;
    }

    /** An unsaved entity holding what CameraPreparer wrote into the row, and the columns' defaults. */
    private Camera asStored(PreparedCamera c, Stored row, CityRef city) {
        Camera camera = new Camera();
        c.draft().applyTo(camera);
        camera.id = row.id;
        camera.city = city;
        camera.status = CameraStatus.REPORTED;
        camera.source = source;
        camera.sourceId = c.object().sourceId();
        camera.tags = c.object().tags();
        camera.sourceVersion = c.object().sourceVersion();
        camera.sourceHash = c.hash();
        camera.version = 1;
        camera.importedVersion = 1;
        camera.createdAt = row.createdAt;
        camera.updatedAt = row.createdAt;
        return camera;
    }
}
