package org.vigie.cluster;

import org.vigie.camera.CameraQuery;
import org.vigie.camera.CameraSqlFilter;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Clusters grouped per request from the matching cameras, for what the aggregates do not hold: an
 * operator or a city filter, or a zoom deeper than {@link ClusterGrid#MAX_AGGREGATED_ZOOM}. The
 * area is widened to whole cells, so that both ways count the same cameras.
 */
final class LiveClusters {

    private LiveClusters() {
    }

    static ClusterResult cluster(Connection connection, CameraQuery query, ClusterGrid grid) throws SQLException {
        CameraQuery wholeCells = query.area() == null ? query : query.withArea(grid.cover(query.area()));
        CameraSqlFilter filter = CameraSqlFilter.of(wholeCells, connection);
        // floor(x / cell) names the cell; the mean position places the count where the cameras are.
        String sql = "SELECT count(*), avg(ST_X(position)), avg(ST_Y(position)), cx, cy, sum(count(*)) OVER ()"
                + " FROM (SELECT position, floor(ST_X(position) / ?) AS cx, floor(ST_Y(position) / ?) AS cy"
                + " FROM camera WHERE " + filter.where() + ") AS c"
                + " GROUP BY cx, cy ORDER BY count(*) DESC, cx, cy LIMIT " + (ClusterService.MAX_CELLS + 1);
        List<Object> params = new ArrayList<>(List.of(grid.cellDegrees(), grid.cellDegrees()));
        params.addAll(filter.params());
        return ClusterService.read(connection, sql, params, grid);
    }
}
