package org.vigie.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A first import of a large file into an empty registry builds the camera table's secondary indexes
 * once, after loading, instead of updating them row by row (a GiST index built in one sorted pass
 * costs a fraction of a million insertions). They are dropped and created again inside the import's
 * transaction, so a failed import rolls back to the table as it was, indexes included. Indexes that
 * back a constraint (the primary key, the source id's uniqueness, which each block's look-up uses)
 * stay, unless the table holds no row at all ({@link FirstImport}). Dropping an index locks the table until the import commits: it was empty.
 * A partial index that no imported row enters stays too ({@link #leftNull}): building it again would
 * scan the whole loaded table (0.3 to 0.4 s a million rows) for nothing.
 *
 * <p>The cluster counts (camera_cluster, V6) are likewise computed once after loading
 * ({@code vigie_cluster_rebuild()}, or from the cells a first import counted, ImportedCells), instead
 * of the trigger grouping each COPY into pending deltas that the commit folds into every level: the trigger stands aside while the rows load (V10). Their
 * primary key is built after them too, in one sorted pass: the cells are about as many as the cameras.
 */
final class DeferredIndexes {

    private static final String CLUSTERS_REBUILT = "SELECT set_config('vigie.clusters_rebuilt', ?, true)";

    private final Connection connection;
    /** Name to definition, in creation order. */
    private final Map<String, String> dropped;
    private final boolean deferred;

    private DeferredIndexes(Connection connection, Map<String, String> dropped, boolean deferred) throws SQLException {
        this.connection = connection;
        this.dropped = dropped;
        this.deferred = deferred;
        if (deferred) {
            clustersRebuilt("on");
        }
    }

    /** Drops the indexes when the file is large and the table (locked first) small enough; else changes nothing. */
    static DeferredIndexes dropIfWorthIt(Connection connection, long fileBytes, ImportConfig config) throws SQLException {
        Map<String, String> indexes = new LinkedHashMap<>();
        if (fileBytes < config.deferIndexesFromBytes()) {
            return new DeferredIndexes(connection, indexes, false);
        }
        try (Statement s = connection.createStatement()) {
            // Asked before locking, so that an import into a registry in use never locks readers out;
            // asked again once locked, as a camera may have come in between.
            if (!smallEnough(s, config)) {
                return new DeferredIndexes(connection, indexes, false);
            }
            s.execute("LOCK TABLE camera IN ACCESS EXCLUSIVE MODE");
            if (!smallEnough(s, config)) {
                return new DeferredIndexes(connection, indexes, false);
            }
            Set<String> leftNull = leftNull(s);
            try (ResultSet r = s.executeQuery("SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid), "
                    + "pg_get_expr(i.indpred, i.indrelid) FROM pg_index i "
                    + "WHERE i.indrelid = 'camera'::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) "
                    + "ORDER BY i.indexrelid")) {
                while (r.next()) {
                    if (!excludesEveryImportedRow(r.getString(3), leftNull)) {
                        indexes.put(r.getString(1), r.getString(2));
                    }
                }
            }
            for (String name : indexes.keySet()) {
                s.execute("DROP INDEX " + name);
            }
        }
        return new DeferredIndexes(connection, indexes, true);
    }

    /**
     * The columns an imported row leaves null: those the COPY does not write and that have no default,
     * and the city when no city is known yet. Only ever a reason to keep an index: a row that enters
     * a kept index after all (a city added meanwhile, an update through the entity) is indexed as it
     * is written, which is slower but as right.
     */
    private static Set<String> leftNull(Statement s) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (ResultSet r = s.executeQuery("SELECT a.attname FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid "
                + "AND d.adnum = a.attnum WHERE a.attrelid = 'camera'::regclass AND a.attnum > 0 AND NOT a.attisdropped AND d.adbin IS NULL")) {
            while (r.next()) {
                if (!CameraPreparer.writes(r.getString(1))) {
                    columns.add(r.getString(1));
                }
            }
        }
        try (ResultSet r = s.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM city)")) {
            r.next();
            if (r.getBoolean(1)) {
                columns.add(OwnKeysAfterLoading.CITY_COLUMN);
            }
        }
        return columns;
    }

    /**
     * Whether an index's predicate (as PostgreSQL prints it) is a plain conjunction that requires one
     * of {@code nullColumns} to be set, such as {@code (visible AND (city_code IS NOT NULL))}.
     */
    static boolean excludesEveryImportedRow(String predicate, Set<String> nullColumns) {
        if (predicate == null || predicate.contains(" OR ") || predicate.contains("NOT (")) {
            return false;
        }
        for (String column : nullColumns) {
            if (predicate.contains("(" + column + " IS NOT NULL)")) {
                return true;
            }
        }
        return false;
    }

    private static boolean smallEnough(Statement s, ImportConfig config) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM (SELECT 1 FROM camera LIMIT "
                + (config.deferIndexesUpToRows() + 1) + ") AS c")) {
            r.next();
            return r.getLong(1) <= config.deferIndexesUpToRows();
        }
    }

    /** Whether the indexes were dropped: a first import, or one into a table small enough. */
    boolean deferred() {
        return deferred;
    }

    /**
     * Creates the dropped indexes again (CREATE INDEX also tells the planner how large the table now
     * is) and counts the clusters, from the cells {@code imported} counted when given (a first
     * import's, ImportedCells), else from the table; later writes of the transaction are tracked by
     * the trigger again.
     */
    void rebuild(ImportedCells imported) throws SQLException {
        if (!deferred) {
            return;
        }
        clustersRebuilt("off");
        if (imported != null) {
            imported.startEncoding(); // beside the index builds
        }
        try (Statement s = connection.createStatement()) {
            for (String definition : dropped.values()) {
                s.execute(definition);
            }
            String key;
            try (ResultSet r = s.executeQuery("SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                    + "WHERE conrelid = 'camera_cluster'::regclass AND conname = 'camera_cluster_pkey'")) {
                r.next();
                key = r.getString(1);
            }
            s.execute("ALTER TABLE camera_cluster DROP CONSTRAINT camera_cluster_pkey");
            if (imported != null) {
                imported.copyInto(connection);
            } else {
                s.execute("SELECT vigie_cluster_rebuild()");
            }
            s.execute("ALTER TABLE camera_cluster ADD CONSTRAINT camera_cluster_pkey " + key);
        }
    }

    private void clustersRebuilt(String value) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(CLUSTERS_REBUILT)) {
            s.setString(1, value);
            s.execute();
        }
    }
}
