package org.vigie.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.vigie.camera.CameraQuery;
import org.vigie.camera.attribute.WireEnum;
import org.vigie.city.CityNotFound;
import org.vigie.city.CityRef;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts cameras per grid cell, computed for each request in SQL. The resource only sees
 * {@link #cluster}: a later version may read pre-aggregated tables instead.
 */
@ApplicationScoped
public class ClusterService {

    /** More cells than this would not be readable anyway; the densest are kept. */
    public static final int MAX_CELLS = 2000;

    private final EntityManager em;

    public ClusterService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public ClusterResult cluster(CameraQuery query, ClusterGrid grid) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, params);
        // floor(x / cell) names the cell; the mean position places the count where the cameras are.
        String sql = "SELECT count(*), avg(ST_X(position)), avg(ST_Y(position)), cx, cy, sum(count(*)) OVER ()"
                + " FROM (SELECT position, floor(ST_X(position) / :cell) AS cx, floor(ST_Y(position) / :cell) AS cy"
                + " FROM camera WHERE " + where + ") AS c"
                + " GROUP BY cx, cy ORDER BY count(*) DESC, cx, cy LIMIT " + (MAX_CELLS + 1);
        Query q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        q.setParameter("cell", grid.cellDegrees());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        double cell = grid.cellDegrees();
        List<ClusterCell> cells = new ArrayList<>();
        long total = 0;
        for (Object[] row : rows) {
            total = ((Number) row[5]).longValue();
            if (cells.size() == MAX_CELLS) {
                break;
            }
            double cx = ((Number) row[3]).doubleValue();
            double cy = ((Number) row[4]).doubleValue();
            cells.add(new ClusterCell(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue(),
                    ((Number) row[2]).doubleValue(), cx * cell, cy * cell, (cx + 1) * cell, (cy + 1) * cell));
        }
        return new ClusterResult(grid, cells, total, rows.size() > MAX_CELLS);
    }

    private String where(CameraQuery query, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("visible");
        if (query.area() != null) {
            where.append(" AND position && ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4326)");
            params.put("minLon", query.area().minLon());
            params.put("minLat", query.area().minLat());
            params.put("maxLon", query.area().maxLon());
            params.put("maxLat", query.area().maxLat());
        }
        if (query.city() != null) {
            if (em.find(CityRef.class, query.city()) == null) {
                throw new CityNotFound(query.city());
            }
            where.append(" AND city_code = :city");
            params.put("city", query.city());
        }
        anyOf(where, params, "kind", query.kinds());
        anyOf(where, params, "camera_type", query.cameraTypes());
        anyOf(where, params, "operator_type", query.operatorTypes());
        anyOf(where, params, "signage", query.signages());
        anyOf(where, params, "status", query.statuses());
        if (query.operator() != null) {
            where.append(" AND lower(operator) = lower(:operator)");
            params.put("operator", query.operator());
        }
        return where.toString();
    }

    private static void anyOf(StringBuilder where, Map<String, Object> params, String column,
                              Collection<? extends WireEnum> values) {
        if (!values.isEmpty()) {
            where.append(" AND ").append(column).append(" IN (:").append(column).append(")");
            params.put(column, values.stream().map(WireEnum::wire).toList());
        }
    }
}
