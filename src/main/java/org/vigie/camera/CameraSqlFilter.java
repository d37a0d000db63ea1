package org.vigie.camera;

import org.vigie.camera.attribute.WireEnum;
import org.vigie.city.CityNotFound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A {@link CameraQuery} as a plain SQL condition on the {@code camera} table (unqualified column
 * names) and its JDBC parameters, for the reads that skip entities: the map's viewport and the
 * per-request clusters. Only visible cameras match. Enumerations match their wire values, which
 * are the stored values.
 */
public record CameraSqlFilter(String where, List<Object> params) {

    /** Reads the database once: an unknown city is a {@link CityNotFound}. */
    public static CameraSqlFilter of(CameraQuery query, Connection connection) throws SQLException {
        StringBuilder where = new StringBuilder("visible");
        List<Object> params = new ArrayList<>();
        if (query.area() != null) {
            CameraQuery.Area a = query.area();
            where.append(" AND position && ST_MakeEnvelope(?, ?, ?, ?, 4326)");
            params.addAll(List.of(a.minLon(), a.minLat(), a.maxLon(), a.maxLat()));
        }
        if (query.city() != null) {
            requireCity(query.city(), connection);
            where.append(" AND city_code = ?");
            params.add(query.city());
        }
        anyOf(where, params, "kind", query.kinds());
        anyOf(where, params, "camera_type", query.cameraTypes());
        anyOf(where, params, "operator_type", query.operatorTypes());
        anyOf(where, params, "signage", query.signages());
        anyOf(where, params, "status", query.statuses());
        if (query.operator() != null) {
            where.append(" AND lower(operator) = lower(?)");
            params.add(query.operator());
        }
        workplace(where, params, query.workplace());
        watch(where, params, query.watch());
        if (query.toRecheck() != null) {
            // created_at is never null: the date a camera was last seen is always known
            where.append(query.toRecheck() ? " AND coalesce(last_confirmed_at, created_at) < ?"
                    : " AND coalesce(last_confirmed_at, created_at) >= ?");
            params.add(Recheck.seenBefore());
        }
        return new CameraSqlFilter(where.toString(), params);
    }

    /** Issue 16: zone, filmed area, workstations, capabilities (any of), level, site. */
    private static void workplace(StringBuilder where, List<Object> params, CameraQuery.Workplace w) {
        anyOf(where, params, "zone", w.zones());
        anyOf(where, params, "filmed_area", w.filmedAreas());
        anyOf(where, params, "films_workstations", w.filmsWorkstations());
        if (!w.capabilities().isEmpty()) {
            where.append(" AND capabilities && ?");
            params.add(w.capabilities().stream().map(WireEnum::wire).toArray(String[]::new));
        }
        if (!w.levels().isEmpty()) {
            where.append(" AND level = ANY(?)");
            params.add(w.levels().toArray(String[]::new));
        }
        if (!w.sites().isEmpty()) {
            where.append(" AND site_id = ANY(?)");
            params.add(w.sites().toArray(Long[]::new));
        }
    }

    /** Issue 17: the days first seen (a null first_seen matches no bound) and the sign's words. */
    private static void watch(StringBuilder where, List<Object> params, CameraQuery.Watch w) {
        if (w.firstSeenFrom() != null) {
            where.append(" AND first_seen >= ?");
            params.add(w.firstSeenFrom());
        }
        if (w.firstSeenTo() != null) {
            where.append(" AND first_seen <= ?");
            params.add(w.firstSeenTo());
        }
        anyOf(where, params, "sign_names_operator", w.signNamesOperator());
        anyOf(where, params, "sign_gives_contact", w.signGivesContact());
    }

    /** "column = ANY(?)" with the wire values as a text[], or nothing when the set is empty (any value). */
    public static void anyOf(StringBuilder where, List<Object> params, String column, Collection<? extends WireEnum> values) {
        if (!values.isEmpty()) {
            where.append(" AND ").append(column).append(" = ANY(?)");
            params.add(values.stream().map(WireEnum::wire).toArray(String[]::new));
        }
    }

    /** Binds the parameters from position {@code first}; a String[] becomes a text[], a Long[] a bigint[]. Answers the next position. */
    public static int bind(PreparedStatement statement, List<Object> params, int first) throws SQLException {
        int i = first;
        for (Object p : params) {
            Object value = p;
            if (p instanceof String[] values) {
                value = statement.getConnection().createArrayOf("text", values);
            } else if (p instanceof Long[] values) {
                value = statement.getConnection().createArrayOf("bigint", values);
            }
            statement.setObject(i++, value);
        }
        return i;
    }

    private static void requireCity(String code, Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM city WHERE code = ?")) {
            s.setString(1, code);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new CityNotFound(code);
                }
            }
        }
    }
}
