package org.vigie.cluster;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.vigie.support.Api;
import org.vigie.support.ClusterRecount;
import org.vigie.support.Sql;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pre-aggregated cells (camera_cluster) stay equal to a count made from scratch, whatever
 * writes the cameras: the API, COPY, multi-row INSERT, UPDATE and DELETE statements, concurrent
 * transactions, and a rebuild (org.vigie.support.ClusterRecount, written independently of the SQL).
 */
@QuarkusTest
class ClusterAggregatesTest {

    private static final String[] KINDS = {"camera", "alpr", "webcam"};
    private static final String[] STATUSES = {"reported", "verified", "removed"};

    @Inject
    Sql sql;
    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void theDeepestLevelIsTheOneTheServiceKnows() {
        assertEquals(ClusterGrid.MAX_AGGREGATED_ZOOM, sql.count("SELECT vigie_cluster_max_level()"));
    }

    @Test
    void cellsEqualAFreshCountAfterRandomWritesOfEveryKind() throws Exception {
        Random random = new Random(7);
        double[] spot = Api.freshSpot();
        // through the API: create, move and change, delete
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(Api.create(spot[0] + random.nextDouble() * 0.3, spot[1] + random.nextDouble() * 0.3,
                    Map.of("kind", KINDS[i % KINDS.length])));
        }
        int version = Api.update(ids.get(0), 1, spot[0] + 0.7, spot[1] - 0.2, Map.of("kind", "alpr", "status", "verified"));
        Api.update(ids.get(0), version, spot[0] + 0.7, spot[1] - 0.2, Map.of("kind", "alpr", "status", "removed"));
        Api.delete(ids.get(1), 1);

        // through SQL: COPY as a bulk importer writes, then multi-row statements
        copy(spot, random, 300);
        sql.update("INSERT INTO camera (position, field_of_view, range_m, kind, status)"
                + " SELECT p, 60, 40, 'guard', 'disputed' FROM (SELECT ST_SetSRID(ST_MakePoint("
                + " ? + random() * 0.5, ? + random() * 0.5), 4326) AS p FROM generate_series(1, 200)) AS s", spot[0], spot[1]);
        String mine = "ST_DWithin(position, ST_SetSRID(ST_MakePoint(?, ?), 4326), 1.5)";
        sql.update("UPDATE camera SET position = ST_Translate(position, 0.05, -0.03) WHERE " + mine + " AND id % 3 = 0", spot[0], spot[1]);
        sql.update("UPDATE camera SET status = 'verified', signage = 'present' WHERE " + mine + " AND id % 5 = 1", spot[0], spot[1]);
        sql.update("UPDATE camera SET visible = false WHERE " + mine + " AND id % 7 = 2", spot[0], spot[1]);
        sql.update("UPDATE camera SET visible = true WHERE " + mine + " AND id % 14 = 2", spot[0], spot[1]);
        sql.update("UPDATE camera SET notes = 'nothing counted changes' WHERE " + mine, spot[0], spot[1]);
        sql.update("DELETE FROM camera c WHERE " + mine + " AND id % 11 = 3 AND source = 'bench-copy'"
                + " AND NOT EXISTS (SELECT 1 FROM camera_version v WHERE v.camera_id = c.id)", spot[0], spot[1]);
        assertCellsEqualRecount();

        // and the rebuild writes the same cells
        long cells = sql.count("SELECT vigie_cluster_rebuild()");
        assertEquals(sql.count("SELECT count(*) FROM camera_cluster"), cells, "the rebuild answers the number of cells");
        assertCellsEqualRecount();
    }

    @Test
    void concurrentWritersOfTheSameCellsNeitherDeadlockNorLoseCounts() throws Exception {
        double[] spot = Api.freshSpot();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int seed = w;
                writers.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int t = 0; t < 15; t++) {
                        // each transaction adds cameras in random order over a few shared cells, then moves some
                        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                            c.setAutoCommit(false);
                            s.execute("INSERT INTO camera (position, field_of_view, range_m, kind)"
                                    + " SELECT p, 60, 40, (ARRAY['camera','alpr'])[1 + i % 2]"
                                    + " FROM (SELECT i, ST_SetSRID(ST_MakePoint(" + spot[0] + " + " + random.nextDouble()
                                    + " * (i % 4) * 0.01, " + spot[1] + " + (i % 3) * 0.01), 4326) AS p"
                                    + " FROM generate_series(1, 20) AS i ORDER BY random()) AS s");
                            // the rows to move are locked in id order first: two writers that pick the same
                            // rows in opposite orders would deadlock on the rows themselves, which says
                            // nothing of the aggregates (the deadlock this test is about)
                            s.execute("CREATE TEMP TABLE moved ON COMMIT DROP AS SELECT id FROM camera WHERE id IN"
                                    + " (SELECT id FROM camera WHERE ST_DWithin(position, ST_SetSRID(ST_MakePoint("
                                    + spot[0] + ", " + spot[1] + "), 4326), 0.1) ORDER BY random() LIMIT 5) ORDER BY id FOR UPDATE");
                            s.execute("UPDATE camera SET kind = CASE kind WHEN 'camera' THEN 'alpr' ELSE 'camera' END"
                                    + " WHERE id IN (SELECT id FROM moved)");
                            c.commit();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(4 * 15 * 20, sql.count("SELECT count(*) FROM camera WHERE source = 'volunteer' AND tags IS NULL"
                + " AND ST_DWithin(position, ST_SetSRID(ST_MakePoint(?, ?), 4326), 0.1) AND created_at > now() - interval '10 minutes'",
                spot[0], spot[1]), "every transaction committed");
        assertCellsEqualRecount();
    }

    @Test
    void aRebuildInsideAWritingTransactionCountsItsWritesOnce() throws Exception {
        double[] spot = Api.freshSpot();
        copy(spot, new Random(11), 200);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            // writes whose deltas are pending, then a rebuild that already counts them, then the commit's fold
            s.execute("INSERT INTO camera (position, field_of_view, range_m, kind) SELECT ST_SetSRID(ST_MakePoint("
                    + spot[0] + " + i * 0.001, " + spot[1] + "), 4326), 60, 40, 'alpr' FROM generate_series(1, 30) AS i");
            s.execute("UPDATE camera SET status = 'verified' WHERE source = 'bench-copy' AND id % 4 = 0");
            s.execute("SELECT vigie_cluster_rebuild()");
            s.execute("UPDATE camera SET signage = 'present' WHERE source = 'bench-copy' AND id % 5 = 0");
            c.commit();
        }
        assertCellsEqualRecount();
    }

    private void assertCellsEqualRecount() {
        ClusterRecount.assertCellsEqualRecount(sql);
    }

    private void copy(double[] spot, Random random, int rows) throws SQLException, java.io.IOException {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            double lon = spot[0] + random.nextDouble() * 0.4;
            double lat = spot[1] + random.nextDouble() * 0.4;
            data.append("SRID=4326;POINT(").append(lon).append(' ').append(lat).append(")\t60\t40\t")
                    .append(KINDS[random.nextInt(KINDS.length)]).append('\t')
                    .append(STATUSES[random.nextInt(STATUSES.length)]).append("\tbench-copy\t")
                    .append(random.nextLong()).append('\t').append(random.nextInt(10) != 0 ? 't' : 'f').append('\n');
        }
        try (Connection c = dataSource.getConnection()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY camera (position, field_of_view, range_m, kind, status, source, source_id, visible) FROM STDIN",
                    new StringReader(data.toString()));
        }
    }
}
