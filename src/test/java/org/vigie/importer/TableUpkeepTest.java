package org.vigie.importer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;
import org.vigie.support.Plans;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vacuum that follows a large import marks the new rows' pages all-visible, so that the map's
 * markers come from the position index without a visit to the table (Heap Fetches: 0), and it
 * stands aside inside a transaction, where PostgreSQL refuses VACUUM.
 */
@QuarkusTest
class TableUpkeepTest {

    @Inject
    TableUpkeep upkeep;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void afterTheVacuumTheMarkersOfNewCamerasComeFromTheIndexAlone() throws SQLException, InterruptedException {
        double[] spot = Api.freshSpot();
        Api.create(spot[0], spot[1], Map.of("notes", "a row written since the last vacuum"));
        String plan = "";
        // VACUUM cannot mark a page while another transaction of this database may still need its old
        // state (an autovacuum ANALYZE holds a snapshot while it runs: after a large import, on a slow
        // machine, for many seconds), nor a page pinned at that moment: it is tried again, as the next
        // autovacuum would, for up to a minute
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        for (int attempt = 0; !plan.contains("Heap Fetches: 0") && System.nanoTime() < deadline; attempt++) {
            if (attempt > 0) {
                Thread.sleep(500);
            }
            assertTrue(upkeep.vacuum());
            plan = markerPlan(spot);
        }
        assertTrue(plan.contains("Index Only Scan") && plan.contains("Heap Fetches: 0"), plan + transactions());
    }

    @Test
    void insideATransactionItIsLeftToAutovacuum() {
        assertFalse(QuarkusTransaction.requiringNew().call(() -> upkeep.vacuum()));
    }

    /** For a failure's message: the transactions that held the vacuum back. */
    private String transactions() throws SQLException {
        StringBuilder out = new StringBuilder("\ntransactions holding a snapshot:");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT datname, backend_type, state, backend_xmin, xact_start, query FROM pg_stat_activity"
                     + " WHERE backend_xmin IS NOT NULL OR backend_xid IS NOT NULL")) {
            while (r.next()) {
                out.append("\n  ").append(r.getString(1)).append(", ").append(r.getString(2)).append(", ").append(r.getString(3))
                        .append(", xmin ").append(r.getString(4)).append(", since ").append(r.getString(5)).append(": ").append(r.getString(6));
            }
        }
        return out.toString();
    }

    /** EXPLAIN ANALYZE of the map's markers around the spot, the other paths priced out (the test table is small). */
    private String markerPlan(double[] spot) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Plans.withIndexesOnly(c, "EXPLAIN (ANALYZE, COSTS OFF) SELECT id, ST_X(position), ST_Y(position), kind,"
                    + " status, version FROM camera WHERE visible AND position && ST_MakeEnvelope(" + (spot[0] - 0.001) + ", "
                    + (spot[1] - 0.001) + ", " + (spot[0] + 0.001) + ", " + (spot[1] + 0.001) + ", 4326)", s -> { });
        }
    }
}
