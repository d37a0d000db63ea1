package org.vigie.camera.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigie.camera.CameraQuery;
import org.vigie.camera.CameraSqlFilter;
import org.vigie.camera.FieldOfViewArea;
import org.vigie.camera.Recheck;
import org.vigie.camera.attribute.Capability;
import org.vigie.camera.attribute.WireEnum;
import org.vigie.common.geo.GeoJsonGeometry;
import org.vigie.common.geo.Geometries;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The map's search, read straight from SQL rows into the wire records, without entities: the same
 * Features as {@link CameraFeature#of}, without loading a persistence context (a thousand entities,
 * each with a snapshot kept for dirty checking).
 */
@ApplicationScoped
public class CameraFeatureRows {

    private static final String COLUMNS = "c.id, ST_X(c.position), ST_Y(c.position), c.kind, c.camera_type, c.mount,"
            + " c.directions, c.field_of_view, c.range_m, c.height_m, c.tilt, c.filmed_area, c.zone, c.level,"
            + " c.capabilities, c.films_workstations, c.operator, c.operator_type, c.signage, c.status, c.notes,"
            + " c.source, c.source_id, ci.code, ci.name, c.tags::text, c.version, c.created_at, c.updated_at,"
            + " c.confirmations, c.last_confirmed_at,"
            + " c.site_id, (SELECT si.name FROM site si WHERE si.id = c.site_id), c.staff_informed, c.staff_body_consulted, c.viewers, c.retention_days,"
            // issue 17
            + " c.sign_names_operator, c.sign_gives_contact, c.first_seen, c.authorisation_id,"
            + " (SELECT a.reference FROM city_authorisation a WHERE a.id = c.authorisation_id),"
            + " (SELECT a.valid_until FROM city_authorisation a WHERE a.id = c.authorisation_id)";
    private static final TypeReference<LinkedHashMap<String, String>> TAGS = new TypeReference<>() {
    };
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgroalDataSource dataSource;

    public CameraFeatureRows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The first {@code query.limit()} matching cameras by id, and whether more matched. */
    public CameraCollection<CameraFeature> search(CameraQuery query, boolean withFieldOfView) {
        try (Connection connection = dataSource.getConnection()) {
            CameraSqlFilter filter = CameraSqlFilter.of(query, connection);
            String sql = "SELECT " + COLUMNS
                    + " FROM camera c LEFT JOIN city ci ON ci.code = c.city_code WHERE " + filter.where()
                    + " ORDER BY c.id LIMIT ?";
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                int next = CameraSqlFilter.bind(s, filter.params(), 1);
                s.setInt(next, query.limit() + 1);
                List<CameraFeature> features = new ArrayList<>();
                boolean truncated = false;
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (features.size() == query.limit()) {
                            truncated = true;
                            break;
                        }
                        features.add(feature(r, withFieldOfView));
                    }
                }
                return CameraCollection.page(features, truncated, query.limit());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("camera search failed", e);
        }
    }

    private static CameraFeature feature(ResultSet r, boolean withFieldOfView) throws SQLException {
        String cityCode = r.getString(24);
        OffsetDateTime createdAt = r.getObject(28, OffsetDateTime.class);
        OffsetDateTime confirmedAt = r.getObject(31, OffsetDateTime.class);
        CameraProperties properties = new CameraProperties(
                r.getString(4), r.getString(5), r.getString(6), directions(r.getArray(7)), r.getInt(8), r.getInt(9),
                (Double) r.getObject(10), (Integer) r.getObject(11), r.getString(12), r.getString(13), r.getString(14),
                capabilities(r.getArray(15)), r.getString(16), r.getString(17), r.getString(18), r.getString(19),
                r.getString(38), r.getString(39),
                r.getString(20), r.getString(21), r.getInt(30), VersionDates.localDay(confirmedAt), Recheck.due(confirmedAt, createdAt),
                r.getString(22), r.getString(23),
                cityCode == null ? null : new CityView(cityCode, r.getString(25)),
                r.getObject(41) == null ? null
                        : new AuthorisationRefView(r.getLong(41), r.getString(42), r.getObject(43, LocalDate.class)),
                r.getObject(32) == null ? null : new SiteView(r.getLong(32), r.getString(33)),
                r.getString(34), r.getString(35), r.getString(36), (Integer) r.getObject(37),
                tags(r.getString(26)), r.getInt(27),
                r.getObject(40, LocalDate.class), VersionDates.localDay(createdAt), VersionDates.localDay(createdAt),
                VersionDates.localDay(r.getObject(29, OffsetDateTime.class)));
        double lon = r.getDouble(2);
        double lat = r.getDouble(3);
        GeoJsonGeometry fov = withFieldOfView ? GeoJsonGeometry.of(FieldOfViewArea.of(lon, lat,
                properties.directions().stream().mapToInt(Integer::intValue).toArray(), r.getInt(8), r.getInt(9))) : null;
        return new CameraFeature("Feature", r.getLong(1), GeoJsonGeometry.of(Geometries.point(lon, lat)), properties, fov);
    }

    private static List<Integer> directions(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Integer[]) array.getArray());
    }

    /** In the order the entity's EnumSet gives them, whatever order a bulk import stored. */
    private static List<String> capabilities(Array array) throws SQLException {
        Set<Capability> set = EnumSet.noneOf(Capability.class);
        if (array != null) {
            for (String wire : (String[]) array.getArray()) {
                WireEnum.parse(Capability.class, wire).ifPresent(set::add);
            }
        }
        return set.stream().map(Capability::wire).toList();
    }

    private static Map<String, String> tags(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, TAGS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable tags in database: " + json, e);
        }
    }
}
