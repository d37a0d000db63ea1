package org.vigie.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The plan PostgreSQL chooses for a statement when sequential and bitmap scans are priced out: on
 * the small test tables the planner would rather read the whole table, so tests that check an
 * index can serve a statement ask it this way.
 */
public final class Plans {

    /** Binds a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private Plans() {
    }

    /** The lines of {@code explain} (an EXPLAIN statement), run in a transaction rolled back after. */
    public static String withIndexesOnly(Connection connection, String explain, Binder binder) throws SQLException {
        connection.setAutoCommit(false);
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("SET LOCAL enable_seqscan = off");
                s.execute("SET LOCAL enable_bitmapscan = off");
            }
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement s = connection.prepareStatement(explain)) {
                binder.bind(s);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        plan.append(r.getString(1)).append('\n');
                    }
                }
            }
            return plan.toString();
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }
}
