package org.vigie.support;

import org.vigie.cluster.ClusterGrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pre-aggregated cells (camera_cluster) against a count made from scratch, written independently
 * of the database's SQL: each level's cell straight from the position, not derived from a deeper level.
 */
public final class ClusterRecount {

    private static final String RECOUNT = "SELECT l AS level, floor(ST_X(position) * 2 ^ l / 90)::integer AS cx,"
            + " floor(ST_Y(position) * 2 ^ l / 90)::integer AS cy, kind, camera_type, operator_type, signage, status,"
            + " count(*) AS n, sum(round(ST_X(position) * 1e7)::bigint) AS sum_x, sum(round(ST_Y(position) * 1e7)::bigint) AS sum_y"
            + " FROM camera, generate_series(0, " + ClusterGrid.MAX_AGGREGATED_ZOOM + ") AS l WHERE visible"
            + " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8";
    private static final String CELLS = "SELECT level::integer, cx, cy, kind, camera_type, operator_type, signage, status,"
            + " n, sum_x, sum_y FROM camera_cluster_cells";

    private ClusterRecount() {
    }

    public static void assertCellsEqualRecount(Sql sql) {
        long missing = sql.count("SELECT count(*) FROM ((" + RECOUNT + ") EXCEPT (" + CELLS + ")) AS d");
        long extra = sql.count("SELECT count(*) FROM ((" + CELLS + ") EXCEPT (" + RECOUNT + ")) AS d");
        assertEquals(0, missing, "cells the recount has and camera_cluster lacks or counts differently");
        assertEquals(0, extra, "cells camera_cluster has and the recount does not");
        assertTrue(sql.count("SELECT count(*) FROM camera_cluster") > 0);
    }
}
