package org.vigie.importer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * After a large import has committed, {@code VACUUM (ANALYZE) camera}: it marks the new rows' pages
 * all-visible, which the map's index-only scan needs to skip the table (V11), and gives the planner
 * the new row counts. Autovacuum would get there too, but only once a fifth of the table is new.
 * VACUUM cannot run inside a transaction: within one (a caller's), it is left to autovacuum.
 */
@ApplicationScoped
public class TableUpkeep {

    /** Written cameras from which an import is followed by a vacuum; below, autovacuum's pace is enough. */
    static final long VACUUM_FROM_ROWS = 10_000;
    private static final Logger LOG = Logger.getLogger(TableUpkeep.class);

    private final AgroalDataSource dataSource;

    public TableUpkeep(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void afterImport(ImportReport report) {
        if (report.created() + report.updated() + report.removed() >= VACUUM_FROM_ROWS) {
            vacuum();
        }
    }

    /** Answers whether it ran; a failure is logged, never raised: the import itself has committed. */
    public boolean vacuum() {
        if (QuarkusTransaction.isActive()) {
            return false;
        }
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            s.execute("VACUUM (ANALYZE) camera");
            LOG.infof("VACUUM (ANALYZE) camera after the import: %.1f s", (System.nanoTime() - start) / 1e9);
            return true;
        } catch (SQLException e) {
            LOG.warnf("VACUUM after the import failed (autovacuum will do it): %s", e.getMessage());
            return false;
        }
    }
}
