package org.vigie.importer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * After a large import has committed, the map's index-only scan (V11) needs the new rows' pages
 * marked all-visible, and the planner the new row counts. When the import wrote a fifth of the
 * table or more (a first import above all), autovacuum's insert threshold is crossed and its
 * worker will vacuum within a minute: the import only runs {@code ANALYZE camera} (a sample, about
 * a second) and does not keep the command waiting for a pass over the whole table, 8 s for a
 * million rows; until then the map reads those pages from the table, as before V11. A smaller
 * import, which autovacuum would leave alone for long, is followed by {@code VACUUM (ANALYZE)},
 * cheap then: the pages already marked are skipped. Neither can run inside a transaction: within
 * one (a caller's), both are left to autovacuum.
 */
@ApplicationScoped
public class TableUpkeep {

    /** Written cameras from which an import is followed by upkeep; below, autovacuum's pace is enough. */
    static final long VACUUM_FROM_ROWS = 10_000;
    /** autovacuum_vacuum_insert_scale_factor's default: past it, autovacuum vacuums by itself. */
    static final double AUTOVACUUM_SHARE = 0.2;
    private static final Logger LOG = Logger.getLogger(TableUpkeep.class);

    private final AgroalDataSource dataSource;

    public TableUpkeep(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void afterImport(ImportReport report) {
        long written = report.created() + report.updated() + report.removed();
        if (written < VACUUM_FROM_ROWS) {
            return;
        }
        if (written >= AUTOVACUUM_SHARE * estimatedRows()) {
            run("ANALYZE camera");
        } else {
            vacuum();
        }
    }

    /** The planner's row count of the camera table (CREATE INDEX and ANALYZE keep it). */
    private long estimatedRows() {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement();
             var r = s.executeQuery("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'camera'::regclass")) {
            return r.next() ? r.getLong(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    /** Answers whether it ran; a failure is logged, never raised: the import itself has committed. */
    public boolean vacuum() {
        return run("VACUUM (ANALYZE) camera");
    }

    private boolean run(String statement) {
        if (QuarkusTransaction.isActive()) {
            return false;
        }
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            s.execute(statement);
            LOG.infof("%s after the import: %.1f s", statement, (System.nanoTime() - start) / 1e9);
            return true;
        } catch (SQLException e) {
            LOG.warnf("%s after the import failed (autovacuum will do it): %s", statement, e.getMessage());
            return false;
        }
    }
}
