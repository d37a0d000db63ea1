package org.vigie.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * The camera table's own foreign keys (to account, to city) checked once after a first import's
 * loading instead of by their triggers: PostgreSQL queues one trigger event per inserted row for
 * each key, null or not, and then fetches every row again to check it, about a third of what COPY
 * costs the server (measured: 2.4 s against 1.5 s for 200,000 rows). The keys themselves stay
 * (dropping one would lock the table it references, FirstImport): the triggers stand aside for the
 * loading with {@code session_replication_role = replica}, set for the transaction only (a rollback
 * to the savepoint undoes it too), which a superuser may set, or a role granted it
 * ({@code GRANT SET ON PARAMETER session_replication_role TO vigie}); without that right, or with a
 * key this class does not know how to check, the triggers check as before.
 *
 * <p>The check looks at what the import wrote, not at the table (a pass over half a gigabyte, 1.4 s
 * for a million rows): the one key column the import writes is the city, whose codes the writer
 * noted ({@link FirstImport#named}); each is looked up once. Unlike the key's trigger, the look-up
 * takes no lock on the city: the first import holds the camera table's exclusive lock until it
 * commits, and deleting or renaming a city must touch the camera table (the key's action or
 * check), so it waits for the import's commit and then applies to the imported cameras too. A
 * {@code FOR KEY SHARE} here would wait in turn for such a deletion, started during the loading:
 * a deadlock that would abort the import.
 * Every other key column is one the import never writes and that has no default: null in every
 * loaded row, which a key always accepts.
 */
final class OwnKeysAfterLoading {

    /** The one key column the import writes. */
    static final String CITY_COLUMN = "city_code";

    private final String cityLookUp;
    private final String previousRole;

    private OwnKeysAfterLoading(String cityLookUp, String previousRole) {
        this.cityLookUp = cityLookUp;
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
        String cityLookUp = null;
        try (ResultSet r = s.executeQuery("SELECT cardinality(k.conkey), a.attname, d.adbin IS NOT NULL, "
                + "format('SELECT %I FROM %s WHERE %I = ANY (?)', f.attname, k.confrelid::regclass, f.attname) "
                + "FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
                + "JOIN pg_attribute f ON f.attrelid = k.confrelid AND f.attnum = k.confkey[1] "
                + "LEFT JOIN pg_attrdef d ON d.adrelid = k.conrelid AND d.adnum = k.conkey[1] "
                + "WHERE k.conrelid = 'camera'::regclass AND k.contype = 'f' AND k.confrelid <> 'camera'::regclass ORDER BY k.oid")) {
            while (r.next()) {
                String column = r.getString(2);
                if (r.getInt(1) != 1) {
                    return null;
                }
                if (column.equals(CITY_COLUMN)) {
                    cityLookUp = r.getString(4);
                } else if (r.getBoolean(3) || CameraPreparer.writes(column)) {
                    return null; // a value the loaded rows may carry, which only the trigger knows how to check
                }
            }
        }
        if (cityLookUp == null) {
            return null;
        }
        s.execute("SELECT set_config('session_replication_role', 'replica', true)");
        return new OwnKeysAfterLoading(cityLookUp, previous);
    }

    /** Puts the triggers back, as soon as the loading is over: what follows runs with every trigger. */
    void putTriggersBack(Statement s) throws SQLException {
        s.execute("SELECT set_config('session_replication_role', '" + previousRole + "', true)");
    }

    /**
     * Checks the cities the loaded rows name, after {@link #putTriggersBack}; a city that does not
     * exist (any more) fails the import.
     */
    void check(Connection connection, Set<String> cities) throws SQLException {
        if (cities.isEmpty()) {
            return;
        }
        int found = 0;
        try (PreparedStatement s = connection.prepareStatement(cityLookUp)) {
            s.setArray(1, connection.createArrayOf("text", cities.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found++;
                }
            }
        }
        if (found < cities.size()) {
            throw new ImportFailure((cities.size() - found) + " cities named by imported cameras do not exist (any more)");
        }
    }
}
