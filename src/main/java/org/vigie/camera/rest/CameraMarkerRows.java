package org.vigie.camera.rest;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigie.camera.CameraQuery;
import org.vigie.camera.CameraSqlFilter;
import org.vigie.common.geo.GeoJsonGeometry;
import org.vigie.common.geo.Geometries;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The map's search at city zoom ({@code view=map}): only columns that the position index includes
 * (V11), so that PostgreSQL answers from the index's leaves, grouped by place, without visiting the
 * table's rows, which lie in the order they were written. A column added here that the index does
 * not include turns the index-only scan back into one read per camera: add it to the index too.
 */
@ApplicationScoped
public class CameraMarkerRows {

    private static final String SELECT = "SELECT id, ST_X(position), ST_Y(position), kind, camera_type, operator_type,"
            + " signage, status, directions, field_of_view, range_m, operator, version FROM camera WHERE ";

    private final AgroalDataSource dataSource;

    public CameraMarkerRows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The first {@code query.limit()} matching cameras by id, and whether more matched. */
    public CameraCollection<CameraMarker> search(CameraQuery query) {
        try (Connection connection = dataSource.getConnection()) {
            CameraSqlFilter filter = CameraSqlFilter.of(query, connection);
            try (PreparedStatement s = connection.prepareStatement(statement(filter))) {
                s.setInt(CameraSqlFilter.bind(s, filter.params(), 1), query.limit() + 1);
                List<CameraMarker> markers = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    // the statement asks one more than the limit: a row after the last kept says more matched
                    while (r.next()) {
                        if (markers.size() == query.limit()) {
                            return CameraCollection.page(markers, true, query.limit());
                        }
                        markers.add(marker(r));
                    }
                }
                return CameraCollection.page(markers, false, query.limit());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("camera search (map view) failed", e);
        }
    }

    /** The statement for a filter; its last parameter is the limit + 1. */
    static String statement(CameraSqlFilter filter) {
        return SELECT + filter.where() + " ORDER BY id LIMIT ?";
    }

    private static CameraMarker marker(ResultSet r) throws SQLException {
        return new CameraMarker("Feature", r.getLong(1), GeoJsonGeometry.of(Geometries.point(r.getDouble(2), r.getDouble(3))),
                new CameraMarker.Properties(r.getString(4), r.getString(5), r.getString(6), r.getString(7),
                        r.getString(8), directions(r.getArray(9)), r.getInt(10), r.getInt(11), r.getString(12),
                        r.getInt(13)));
    }

    private static List<Integer> directions(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Integer[]) array.getArray());
    }
}
