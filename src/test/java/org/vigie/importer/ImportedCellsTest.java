package org.vigie.importer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigie.camera.CameraDraft;
import org.vigie.importer.osm.OsmTagMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cells a first import counts as it writes (ImportedCells) are those vigie_cluster_rebuild()
 * computes from the same cameras in the table: every level, code, count and sum, on positions
 * spread over the world, crowded into a few cells, and on the edges of cells and of the world.
 */
@QuarkusTest
class ImportedCellsTest {

    private static final String CELLS = "SELECT coalesce(string_agg(concat_ws(' ', level, cx, cy, attrs, n, sum_x, sum_y),"
            + " E'\\n' ORDER BY level, cx, cy, attrs), '') FROM camera_cluster";
    private static final List<String> KINDS = List.of("camera", "ALPR", "guard", "webcam");
    private static final List<String> TYPES = List.of("fixed", "dome", "panning", "unknown");
    private static final List<String> OPERATORS = List.of("public", "private", "");

    @Inject
    AgroalDataSource dataSource;

    private static List<double[]> positions() {
        List<double[]> positions = new ArrayList<>();
        double cell = 90.0 / (1 << 14);
        for (double[] p : new double[][] {{180, 90}, {-180, -90}, {180, -90}, {-180, 90}, {0, 0}, {-0.0, 1e-9},
                {cell, -cell}, {-cell, cell}, {3 * cell, 5 * cell}, {-7 * cell, -11 * cell}, {cell * 0.9999999, -cell * 1e-7}}) {
            positions.add(p);
        }
        Random random = new Random(42);
        for (int i = 0; i < 3000; i++) {
            positions.add(new double[] {random.nextDouble() * 360 - 180, random.nextDouble() * 180 - 90});
        }
        for (int i = 0; i < 3000; i++) {
            // many cameras to a cell, around Paris and just west of Greenwich and south of the equator
            double[] centre = i % 2 == 0 ? new double[] {2.35, 48.85} : new double[] {-0.001, -0.001};
            positions.add(new double[] {centre[0] + random.nextGaussian() * 0.01, centre[1] + random.nextGaussian() * 0.01});
        }
        return positions;
    }

    @Test
    void theCellsCountedWhileWritingAreThoseTheRebuildComputes() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("TRUNCATE camera CASCADE"); // undone by the rollback below
                ImportedCells cells = ImportedCells.load(c);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO camera (position, kind, camera_type, "
                        + "operator_type, signage, field_of_view, range_m) VALUES (ST_SetSRID(ST_MakePoint(?, ?), 4326), ?, ?, ?, ?, 90, 30)")) {
                    int i = 0;
                    for (double[] p : positions()) {
                        Map<String, String> tags = Map.of("man_made", "surveillance", "surveillance:type", KINDS.get(i % 4),
                                "camera:type", TYPES.get(i / 4 % 4), "operator:type", OPERATORS.get(i / 16 % 3));
                        CameraDraft d = ((Mapping.Accepted) OsmTagMapper.map(p[0], p[1], tags)).draft();
                        cells.add(d, CameraPreparer.STATUS);
                        insert.setDouble(1, d.lon());
                        insert.setDouble(2, d.lat());
                        insert.setString(3, d.kind().wire());
                        insert.setString(4, d.cameraType().wire());
                        insert.setString(5, d.operatorType().wire());
                        insert.setString(6, d.signage().wire());
                        insert.addBatch();
                        i++;
                    }
                    insert.executeBatch();
                }
                s.execute("SELECT vigie_cluster_rebuild()");
                String rebuilt = text(s, CELLS);
                cells.copyInto(c);
                String counted = text(s, CELLS);
                assertTrue(rebuilt.lines().count() > 15 * 4, "cells at every level");
                // 66 bytes a cell: more than two of the megabytes streamed at a time
                assertTrue(count(s, "SELECT count(*) FROM camera_cluster") > 2 * (1 << 20) / 66, "cells sent in several parts");
                assertEquals(rebuilt, counted);
                // written in the key's order, which the key's build then finds already sorted
                assertEquals(0, count(s, "SELECT count(*) FROM (SELECT (level, cx, cy, attrs) < lag((level, cx, cy, attrs)) "
                        + "OVER (ORDER BY ctid) AS before FROM camera_cluster) AS w WHERE before"));
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static long count(Statement s, String query) throws SQLException {
        try (ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String text(Statement s, String query) throws SQLException {
        try (ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getString(1);
        }
    }
}
