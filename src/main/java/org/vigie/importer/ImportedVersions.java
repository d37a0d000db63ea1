package org.vigie.importer;

import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SelfDirtinessTracker;
import org.vigie.camera.Camera;
import org.vigie.camera.CameraHistory;
import org.vigie.city.CityRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The history row of each new camera's version 1, written with the cameras of its block: the
 * snapshot is {@link CameraHistory#snapshot} of the camera as its row holds it (the same JSON an
 * edit's version would keep), sent with one binary COPY a block. Every version of an imported camera
 * thus has its history row from the start, and no later writer needs to remember to copy it
 * (OneWritePathTest compares these rows with what CameraHistory makes of the stored cameras).
 *
 * <p>The new cameras' ids come from the camera table's own sequence before their rows are sent
 * ({@link #newIds}), so that the snapshots (an entity, a record and Jackson, per camera) are built
 * on a thread of their own while PostgreSQL stores the cameras, instead of after it on the
 * transaction's thread, and no query reads the ids back.
 */
final class ImportedVersions {

    private static final String COLUMNS = "camera_version (camera_id, version, action, created_at, snapshot)";
    /** A thread per import under way, started when needed, ended a minute after its last block. */
    private static final ExecutorService SNAPSHOTS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "vigie-import-history");
        thread.setDaemon(true);
        return thread;
    });

    private final Connection connection;
    private final EntityManager entities;
    private final CameraHistory history;
    private final String source;
    private final OffsetDateTime now;
    private final BinaryCopy rows = new BinaryCopy(1 << 20);
    /** The query that takes ids from the camera table's sequence, once its name is known. */
    private String nextIds;

    /** {@code now}: the new cameras' creation, as CameraPreparer writes it into their rows. */
    ImportedVersions(Connection connection, EntityManager entities, CameraHistory history, String source,
                     OffsetDateTime now) {
        this.connection = connection;
        this.entities = entities;
        this.history = history;
        this.source = source;
        this.now = now;
    }

    /**
     * Ids for {@code count} new cameras, from the identity sequence of the camera table, in one query
     * (its name looked up once: looked up per value, it cost as much as reading the ids back).
     */
    long[] newIds(int count) throws SQLException {
        if (nextIds == null) {
            try (Statement s = connection.createStatement();
                 ResultSet r = s.executeQuery("SELECT quote_literal(pg_get_serial_sequence('camera', 'id'))")) {
                r.next();
                nextIds = "SELECT nextval(" + r.getString(1) + ") FROM generate_series(1, ?)";
            }
        }
        long[] ids = new long[count];
        try (PreparedStatement s = connection.prepareStatement(nextIds)) {
            s.setInt(1, count);
            try (ResultSet r = s.executeQuery()) {
                for (int i = 0; r.next(); i++) {
                    ids[i] = r.getLong(1);
                }
            }
        }
        return ids;
    }

    /**
     * Starts building the version 1 rows of {@code created}, which are about to be copied into the
     * camera table with {@code ids} and {@code cityCodes}; {@link #write} sends them. The cities are
     * found here: the entity manager serves the transaction's thread alone.
     */
    CompletableFuture<BinaryCopy> prepare(List<PreparedCamera> created, long[] ids, String[] cityCodes) {
        Map<String, CityRef> found = new HashMap<>();
        CityRef[] cities = new CityRef[cityCodes.length];
        for (int i = 0; i < cityCodes.length; i++) {
            cities[i] = cityCodes[i] == null ? null
                    : found.computeIfAbsent(cityCodes[i], code -> entities.find(CityRef.class, code));
        }
        return CompletableFuture.supplyAsync(() -> {
            rows.clear();
            for (int i = 0; i < ids.length; i++) {
                rows.row(5).int8(ids[i]).integer(1).text("import").timestamptz(now)
                        .jsonb(history.snapshotJson(asStored(created.get(i), ids[i], cities[i])));
            }
            return rows;
        }, SNAPSHOTS);
    }

    /** Sends the rows {@link #prepare} built, once the cameras they belong to are stored. */
    void write(CompletableFuture<BinaryCopy> prepared) throws SQLException {
        BinaryCopy built;
        try {
            built = prepared.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailure("the import was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        built.copyInto(connection, COLUMNS);
    }

    /** An unsaved entity holding what CameraPreparer wrote into the row, and the columns' defaults. */
    private Camera asStored(PreparedCamera c, long id, CityRef city) {
        Camera camera = new Camera();
        // Read, never saved: its writes need no dirty tracking (Hibernate's enhanced entity records
        // each field written in an array it searches and copies, a sixth of this thread's time at 1M).
        ((SelfDirtinessTracker) camera).$$_hibernate_suspendDirtyTracking(true);
        c.draft().applyTo(camera);
        camera.id = id;
        camera.city = city;
        camera.status = CameraPreparer.STATUS;
        camera.source = source;
        camera.sourceId = c.object().sourceId();
        camera.tags = c.object().tags();
        camera.sourceVersion = c.object().sourceVersion();
        camera.sourceHash = c.hash();
        camera.version = 1;
        camera.importedVersion = 1;
        camera.createdAt = now;
        camera.updatedAt = now;
        return camera;
    }
}
