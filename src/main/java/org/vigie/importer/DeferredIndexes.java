package org.vigie.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A large import into an empty registry builds the camera table's secondary indexes once, after
 * loading, instead of updating them row by row (a GiST index built in one sorted pass costs a
 * fraction of a million insertions), and counts the map's clusters once with the database's own
 * {@code vigie_cluster_rebuild()} instead of letting the insert trigger track every COPY (V10's
 * {@code vigie.clusters_rebuilt} setting makes it stand aside). Everything happens inside the
 * import's transaction: a failed import rolls back to the table as it was, indexes included.
 *
 * <p>The indexes deferred are the explicit list {@link #INDEXES}, written as the last migration that
 * creates each defines it (V11 and V21_1, V29_1, V18); DeferredIndexesTest fails when a migration adds,
 * drops or changes an index of the camera table without this list (or {@link #KEPT}) following. Dropping an index locks the table until the
 * import commits: it is only done when the table is empty (or as small as {@link ImportConfig} allows).
 * The history's key to the camera ({@link #FOREIGN_KEYS}) is deferred with the indexes: checked per
 * row it was a fifth of writing the version 1 rows (200,000 cameras: 6 of 30 s under load), added
 * back it is one join (1.2 s).
 */
final class DeferredIndexes {

    /** One secondary index of the camera table, as its migration creates it. */
    record Index(String name, String definition) {
    }

    /** The indexes dropped before loading and created again after it, in this order. */
    static final List<Index> INDEXES = List.of(
            new Index("camera_position_gix", "CREATE INDEX camera_position_gix ON camera USING gist (position) "
                    + "INCLUDE (position, id, visible, kind, camera_type, operator_type, signage, status, directions, "
                    + "field_of_view, range_m, operator, version, city_code, filmed_area, last_confirmed_at, created_at)"),
            new Index("camera_city_stats_idx", "CREATE INDEX camera_city_stats_idx ON camera (city_code) "
                    + "INCLUDE (kind, camera_type, operator_type, operator, filmed_area, zone, films_workstations, signage, "
                    + "status, capabilities, created_at, first_seen) WHERE visible AND city_code IS NOT NULL"),
            new Index("camera_operator_idx", "CREATE INDEX camera_operator_idx ON camera (lower(operator)) "
                    + "WHERE operator IS NOT NULL"));

    /**
     * Secondary indexes left in place: no imported row enters them (imports set no author, no site, no
     * authorisation), so that
     * they cost nothing while loading and a rebuild would only scan the table.
     */
    static final List<String> KEPT = List.of("camera_created_by_idx", "camera_site_idx", "camera_authorisation_idx");

    /** A foreign key checked once after loading, by one join, instead of by one query per row loaded. */
    record ForeignKey(String table, String name, String definition) {
    }

    /**
     * The foreign keys dropped before loading and added again after it: each new camera's version 1
     * history row names its camera, and PostgreSQL checks such a key with a query per row (locking
     * the camera's row), where adding the key back checks every row with one join. Written as the
     * migration defines it (V1); DeferredIndexesTest compares it with the database's own definition.
     */
    static final List<ForeignKey> FOREIGN_KEYS = List.of(new ForeignKey("camera_version", "camera_version_camera_id_fkey",
            "FOREIGN KEY (camera_id) REFERENCES camera(id)"));

    private static final String CLUSTERS_REBUILT = "SELECT set_config('vigie.clusters_rebuilt', ?, true)";

    private final Connection connection;
    private final boolean deferred;

    private DeferredIndexes(Connection connection, boolean deferred) throws SQLException {
        this.connection = connection;
        this.deferred = deferred;
        if (deferred) {
            clustersRebuilt("on");
        }
    }

    /** Drops the indexes when the file is large and the table (locked first) small enough; else changes nothing. */
    static DeferredIndexes dropIfWorthIt(Connection connection, long fileBytes, ImportConfig config) throws SQLException {
        if (fileBytes < config.deferIndexesFromBytes()) {
            return new DeferredIndexes(connection, false);
        }
        try (Statement s = connection.createStatement()) {
            // Asked before locking, so that an import into a registry in use never locks readers out;
            // asked again once locked, as a camera may have come in between.
            if (!smallEnough(s, config)) {
                return new DeferredIndexes(connection, false);
            }
            s.execute("LOCK TABLE camera IN ACCESS EXCLUSIVE MODE");
            if (!smallEnough(s, config)) {
                return new DeferredIndexes(connection, false);
            }
            for (Index index : INDEXES) {
                s.execute("DROP INDEX " + index.name());
            }
            for (ForeignKey key : FOREIGN_KEYS) {
                s.execute("ALTER TABLE " + key.table() + " DROP CONSTRAINT " + key.name());
            }
        }
        return new DeferredIndexes(connection, true);
    }

    private static boolean smallEnough(Statement s, ImportConfig config) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM (SELECT 1 FROM camera LIMIT "
                + (config.deferIndexesUpToRows() + 1) + ") AS c")) {
            r.next();
            return r.getLong(1) <= config.deferIndexesUpToRows();
        }
    }

    /** Whether the indexes were dropped. */
    boolean deferred() {
        return deferred;
    }

    /**
     * Creates the dropped indexes again (CREATE INDEX also tells the planner how large the table now
     * is) and counts the clusters from the table; later writes of the transaction are tracked by the
     * trigger again.
     */
    void rebuild() throws SQLException {
        if (!deferred) {
            return;
        }
        clustersRebuilt("off");
        try (Statement s = connection.createStatement()) {
            for (Index index : INDEXES) {
                s.execute(index.definition());
            }
            for (ForeignKey key : FOREIGN_KEYS) {
                s.execute("ALTER TABLE " + key.table() + " ADD CONSTRAINT " + key.name() + " " + key.definition());
            }
            s.execute("SELECT vigie_cluster_rebuild()");
        }
    }

    private void clustersRebuilt(String value) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(CLUSTERS_REBUILT)) {
            s.setString(1, value);
            s.execute();
        }
    }
}
