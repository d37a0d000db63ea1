package org.vigie.importer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The camera table's own foreign keys (to account, to city) checked once after a first import's
 * loading, in one pass over the table, instead of by their triggers: PostgreSQL queues one trigger
 * event per inserted row for each key, null or not, and then fetches every row again to check it,
 * about a third of what COPY costs the server (measured: 2.4 s against 1.5 s for 200,000 rows).
 * The keys themselves stay (dropping one would lock the table it references, FirstImport): the
 * triggers stand aside for the loading with {@code session_replication_role = replica}, set for the
 * transaction only (a rollback to the savepoint undoes it too), which a superuser may set, or a
 * role granted it ({@code GRANT SET ON PARAMETER session_replication_role TO vigie}); without that
 * right, or with a key of several columns, the triggers check as before.
 *
 * <p>No check is weaker for it: a referenced row deleted meanwhile must look its referencing rows
 * up in the camera table, which the import holds locked until it commits.
 */
final class OwnKeysAfterLoading {

    private final List<String> violations;
    private final String previousRole;

    private OwnKeysAfterLoading(List<String> violations, String previousRole) {
        this.violations = violations;
        this.previousRole = previousRole;
    }

    /** Sets the triggers aside when allowed; answers null when the triggers keep checking. */
    static OwnKeysAfterLoading setAside(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT current_setting('server_version_num')::int >= 150000")) {
            r.next();
            if (!r.getBoolean(1)) {
                return null; // has_parameter_privilege is PostgreSQL 15's: before it, the triggers keep checking
            }
        }
        String previous;
        try (ResultSet r = s.executeQuery("SELECT has_parameter_privilege('session_replication_role', 'SET'), "
                + "current_setting('session_replication_role')")) {
            r.next();
            if (!r.getBoolean(1)) {
                return null;
            }
            previous = r.getString(2);
        }
        List<String> violations = new ArrayList<>();
        // one condition per key: a row whose value is set but names no referenced row
        try (ResultSet r = s.executeQuery("SELECT cardinality(k.conkey), format('(c.%I IS NOT NULL AND NOT EXISTS "
                + "(SELECT 1 FROM %s r WHERE r.%I = c.%I))', a.attname, k.confrelid::regclass, f.attname, a.attname) "
                + "FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
                + "JOIN pg_attribute f ON f.attrelid = k.confrelid AND f.attnum = k.confkey[1] "
                + "WHERE k.conrelid = 'camera'::regclass AND k.contype = 'f' AND k.confrelid <> 'camera'::regclass ORDER BY k.oid")) {
            while (r.next()) {
                if (r.getInt(1) != 1) {
                    return null;
                }
                violations.add(r.getString(2));
            }
        }
        if (violations.isEmpty()) {
            return null;
        }
        s.execute("SELECT set_config('session_replication_role', 'replica', true)");
        return new OwnKeysAfterLoading(violations, previous);
    }

    /** Puts the triggers back, as soon as the loading is over: what follows runs with every trigger. */
    void putTriggersBack(Statement s) throws SQLException {
        s.execute("SELECT set_config('session_replication_role', '" + previousRole + "', true)");
    }

    /** Checks the loaded rows, after {@link #putTriggersBack}; a row naming nothing fails the import. */
    void check(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM camera c WHERE " + String.join(" OR ", violations))) {
            r.next();
            if (r.getLong(1) > 0) {
                throw new ImportFailure(r.getLong(1) + " imported cameras name an account or a city that does not exist");
            }
        }
    }
}
