package org.vigie.importer;

import org.vigie.common.sql.UniqueViolation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The first import into an empty camera table, on top of {@link DeferredIndexes}: there is nothing to
 * look up, so the writer looks nothing up, and the two unique b-trees (the primary key, the source
 * id's uniqueness) are built once after loading instead of row by row. The foreign keys that
 * reference the camera table (its versions, photos, reports, merged into) go with its primary key and
 * come back as they were ({@code pg_get_constraintdef}), each checked again in one query. The camera
 * table's own keys to account and city stay: dropping them would lock those tables, and with them
 * logins and city pages, until the import commits; their per-row checks give way to one pass after
 * loading where the role may ({@link OwnKeysAfterLoading}). The two triggers whose work the import does itself
 * (the city of each row, BlockCities; the cluster cells, counted while writing, ImportedCells) are dropped for the
 * loading too: a BEFORE ROW trigger makes COPY insert row by row, and a transition table keeps a copy
 * of every row even when its trigger's WHEN clause is false. The table is truncated in the same
 * subtransaction, so that the rows go in with {@code COPY ... FREEZE}: already frozen and visible to
 * all, nothing left for a vacuum to mark. The rows come with their ids ({@link #ids}): the column's
 * default calls {@code nextval} once a row, which cost the server a fifth of its COPY (1.5 to 2 s of
 * CPU for a million rows); the sequence is moved past them after loading.
 *
 * <p>All of it happens after a savepoint inside the import's transaction: a broken file rolls back
 * everything, keys and triggers included. Building the source id's unique key is the duplicate check:
 * when the file names one source id in two blocks (which the normal path counts as a second version
 * of the camera), it fails, the transaction goes back to the savepoint, and the caller imports the
 * file again along the normal path, so that the result is the same as if the fast path had never run.
 */
final class FirstImport {

    private static final String SAVEPOINT = "vigie_first_import";
    /** Triggers on camera whose work a first import does itself. */
    private static final List<String> TRIGGERS = List.of("camera_assign_city", "camera_cluster_insert");

    /** table, name, definition. */
    private record Constraint(String table, String name, String definition) {
        String add() {
            return "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + definition;
        }

        String drop() {
            return "ALTER TABLE " + table + " DROP CONSTRAINT " + name;
        }
    }

    private final Connection connection;
    private final boolean active;
    private final List<Constraint> keys = new ArrayList<>();
    private final List<Constraint> references = new ArrayList<>();
    private final List<String> triggers = new ArrayList<>();
    /** Null when the own keys' triggers check row by row. */
    private OwnKeysAfterLoading ownKeys;
    /** The camera id sequence; the next id to hand out, and the first one. */
    private String idSequence;
    private long nextId;
    private long firstId;
    /** The cities the loaded rows name, for the own keys' check. */
    private final Set<String> cities = new HashSet<>();

    private FirstImport(Connection connection, boolean active) {
        this.connection = connection;
        this.active = active;
    }

    /** Takes the fast path when the indexes are deferred and the camera table (locked by then) is empty. */
    static FirstImport prepare(Connection connection, DeferredIndexes indexes) throws SQLException {
        if (!indexes.deferred()) {
            return new FirstImport(connection, false);
        }
        try (Statement s = connection.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT EXISTS (SELECT 1 FROM camera)")) {
                r.next();
                if (r.getBoolean(1)) {
                    return new FirstImport(connection, false);
                }
            }
            FirstImport first = new FirstImport(connection, true);
            s.execute("SAVEPOINT " + SAVEPOINT);
            // only the foreign keys that reference camera (merged_into included): dropping camera's own, to
            // account and city, would lock those tables (logins, city pages) until the import commits
            first.keep(s, "SELECT conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid) FROM pg_constraint "
                    + "WHERE confrelid = 'camera'::regclass AND contype = 'f' ORDER BY oid", first.references);
            first.keep(s, "SELECT conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid) FROM pg_constraint "
                    + "WHERE conrelid = 'camera'::regclass AND contype IN ('p', 'u') ORDER BY contype, oid", first.keys);
            try (ResultSet r = s.executeQuery("SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = 'camera'::regclass "
                    + "AND tgname = ANY (ARRAY['" + String.join("', '", TRIGGERS) + "']) ORDER BY oid")) {
                while (r.next()) {
                    first.triggers.add(r.getString(1));
                }
            }
            for (Constraint c : first.references) {
                s.execute(c.drop());
            }
            for (Constraint c : first.keys) {
                s.execute(c.drop());
            }
            for (String trigger : TRIGGERS) {
                s.execute("DROP TRIGGER IF EXISTS " + trigger + " ON camera");
            }
            // Empty already: truncating gives the table a new file in this subtransaction, which COPY FREEZE needs.
            s.execute("TRUNCATE camera");
            first.ownKeys = OwnKeysAfterLoading.setAside(s);
            try (ResultSet r = s.executeQuery("SELECT pg_get_serial_sequence('camera', 'id')")) {
                r.next();
                first.idSequence = r.getString(1);
            }
            try (ResultSet r = s.executeQuery("SELECT nextval('" + first.idSequence + "')")) {
                r.next();
                first.nextId = first.firstId = r.getLong(1);
            }
            return first;
        }
    }

    private void keep(Statement s, String query, List<Constraint> into) throws SQLException {
        try (ResultSet r = s.executeQuery(query)) {
            while (r.next()) {
                into.add(new Constraint(r.getString(1), r.getString(2), r.getString(3)));
            }
        }
    }

    /** Whether the writer may skip its look-ups and COPY with FREEZE. */
    boolean active() {
        return active;
    }

    /** The first of {@code n} consecutive ids for new rows (the table is locked: no one else inserts). */
    long ids(int n) {
        long first = nextId;
        nextId += n;
        return first;
    }

    /** Notes the cities named by loaded rows (nulls ignored), which the own keys' check looks up. */
    void named(String[] cityCodes) {
        for (String code : cityCodes) {
            if (code != null) {
                cities.add(code);
            }
        }
    }

    /**
     * Builds the keys, the references and the triggers again. Answers false when the file named a
     * source id twice: the transaction is then back where it was before {@link #prepare} dropped
     * anything, the loaded rows gone, and the file must be imported along the normal path.
     */
    boolean finish() throws SQLException {
        if (!active) {
            return true;
        }
        try (Statement s = connection.createStatement()) {
            if (nextId > firstId) {
                // past every id handed out, even if the rows go back to the savepoint (sequences are not rolled back)
                s.execute("SELECT setval('" + idSequence + "', " + (nextId - 1) + ")");
            }
            if (ownKeys != null) {
                ownKeys.putTriggersBack(s);
            }
            try {
                for (Constraint c : keys) {
                    s.execute(c.add());
                }
            } catch (SQLException e) {
                if (!UniqueViolation.any(e)) {
                    throw e;
                }
                s.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
                s.execute("RELEASE SAVEPOINT " + SAVEPOINT);
                return false;
            }
            if (ownKeys != null) {
                ownKeys.check(connection, cities);
            }
            for (Constraint c : references) {
                s.execute(c.add());
            }
            for (String trigger : triggers) {
                s.execute(trigger);
            }
            s.execute("RELEASE SAVEPOINT " + SAVEPOINT);
            return true;
        }
    }
}
