package org.vigie.cluster;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigie.common.http.ExpensiveReads;
import org.vigie.common.problem.ProblemException;
import org.vigie.camera.CameraQuery;
import org.vigie.camera.CameraSqlFilter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts cameras per grid cell. Zoomed out (levels 0 to {@link ClusterGrid#MAX_AGGREGATED_ZOOM}),
 * with no filter or only the low-cardinality ones (kind, camera type, operator type, signage,
 * status), it sums the pre-aggregated cells the database keeps up to date (camera_cluster, V6, V14):
 * a few hundred rows whatever the number of cameras. An operator, a city, a workplace filter (zone, level, site...),
 * "to re-check", or a deeper
 * zoom, groups the matching cameras per request ({@link LiveClusters}): those select few cameras
 * (one operator, one city) or a small area, and keeping a row per operator or city and cell
 * would multiply the aggregates by thousands.
 */
@ApplicationScoped
public class ClusterService {

    /** More cells than this would not be readable anyway; the densest are kept. */
    public static final int MAX_CELLS = 2000;

    /**
     * The most grid cells live clustering covers: 1024 x 1024, an area of 256 x 256 tiles (a 4K
     * screen shows 15 x 9 at any zoom, four cells a tile). A city at zoom 18 is about 85,000 cells; a
     * country at a street's zoom, or the world at zoom 12 with an operator filter, is millions:
     * refused (400 naming bbox) rather than run.
     */
    public static final long MAX_LIVE_AREA_CELLS = 1L << 20;

    private final AgroalDataSource dataSource;
    private final ExpensiveReads expensive;

    public ClusterService(AgroalDataSource dataSource, ExpensiveReads expensive) {
        this.dataSource = dataSource;
        this.expensive = expensive;
    }

    public ClusterResult cluster(CameraQuery query, ClusterGrid grid) {
        // the workplace filters (issue 16) are outside the cells' attribute code, as the operator is;
        // "to re-check" changes with the clock, not with a write: no aggregate can hold it; nor do the cells
        // know the true dates and the sign's words (issue 17)
        boolean fromAggregates = grid.aggregated() && query.operator() == null && query.city() == null
                && query.workplace().isEmpty() && query.toRecheck() == null && query.watch().isEmpty();
        if (fromAggregates) {
            try (Connection connection = dataSource.getConnection()) {
                return aggregated(connection, query, grid);
            } catch (SQLException e) {
                throw new IllegalStateException("clusters failed", e);
            }
        }
        refuseTooLarge(query, grid);
        try (ExpensiveReads.Permit permit = expensive.enter(); Connection connection = dataSource.getConnection()) {
            return LiveClusters.cluster(connection, query, grid);
        } catch (SQLException e) {
            throw new IllegalStateException("clusters failed", e);
        }
    }

    private static void refuseTooLarge(CameraQuery query, ClusterGrid grid) {
        CameraQuery.Area a = query.area();
        if (a == null) {
            return; // a city or a site (issue 16): bounded by it
        }
        long cells = (grid.cell(a.maxLon()) - grid.cell(a.minLon()) + 1) * (grid.cell(a.maxLat()) - grid.cell(a.minLat()) + 1);
        if (cells > MAX_LIVE_AREA_CELLS) {
            throw ProblemException.invalid("bbox", "is too large for zoom " + grid.zoom() + ": " + cells
                    + " cells of its grid, at most " + MAX_LIVE_AREA_CELLS + "; zoom out or send a smaller bbox");
        }
    }

    private static ClusterResult aggregated(Connection connection, CameraQuery query, ClusterGrid grid) throws SQLException {
        StringBuilder where = new StringBuilder("level = ? AND cx BETWEEN ? AND ? AND cy BETWEEN ? AND ?");
        List<Object> params = new ArrayList<>();
        CameraQuery.Area a = query.area();
        params.addAll(List.of(grid.zoom(), grid.cell(a.minLon()), grid.cell(a.maxLon()), grid.cell(a.minLat()),
                grid.cell(a.maxLat())));
        // The five attributes are one code per cell (V14): the filters name the codes they keep.
        StringBuilder attrs = new StringBuilder("true");
        CameraSqlFilter.anyOf(attrs, params, "kind", query.kinds());
        CameraSqlFilter.anyOf(attrs, params, "camera_type", query.cameraTypes());
        CameraSqlFilter.anyOf(attrs, params, "operator_type", query.operatorTypes());
        CameraSqlFilter.anyOf(attrs, params, "signage", query.signages());
        CameraSqlFilter.anyOf(attrs, params, "status", query.statuses());
        if (attrs.length() > "true".length()) {
            where.append(" AND attrs IN (SELECT attrs FROM camera_cluster_attrs WHERE ").append(attrs).append(')');
        }
        // Positions are summed in 1e-7 degrees.
        String sql = "SELECT sum(n), sum(sum_x) / sum(n) / 1e7, sum(sum_y) / sum(n) / 1e7, cx, cy, sum(sum(n)) OVER ()"
                + " FROM camera_cluster WHERE " + where + " GROUP BY cx, cy HAVING sum(n) > 0"
                + " ORDER BY sum(n) DESC, cx, cy LIMIT " + (MAX_CELLS + 1);
        return read(connection, sql, params, grid);
    }

    /** Reads rows of (count, mean lon, mean lat, cx, cy, total) into a result. */
    static ClusterResult read(Connection connection, String sql, List<Object> params, ClusterGrid grid) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            CameraSqlFilter.bind(s, params, 1);
            double cell = grid.cellDegrees();
            List<ClusterCell> cells = new ArrayList<>();
            long total = 0;
            int rows = 0;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows++;
                    total = r.getLong(6);
                    if (cells.size() == MAX_CELLS) {
                        break;
                    }
                    double cx = r.getDouble(4);
                    double cy = r.getDouble(5);
                    cells.add(new ClusterCell(r.getLong(1), r.getDouble(2), r.getDouble(3),
                            cx * cell, cy * cell, (cx + 1) * cell, (cy + 1) * cell));
                }
            }
            return new ClusterResult(grid, cells, total, rows > MAX_CELLS);
        }
    }
}
