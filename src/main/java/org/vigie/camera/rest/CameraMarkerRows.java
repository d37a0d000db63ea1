package org.vigie.camera.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigie.camera.CameraQuery;
import org.vigie.camera.CameraSqlFilter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The map's search at city zoom ({@code view=map}): only columns that the position index includes
 * (V11), so that PostgreSQL answers from the index's leaves, grouped by place, without visiting the
 * table's rows, which lie in the order they were written. A column added here that the index does
 * not include turns the index-only scan back into one read per camera: add it to the index too.
 * The rows become JSON as they are read ({@link CameraMarkerJson}).
 */
@ApplicationScoped
public class CameraMarkerRows {

    private static final String SELECT = "SELECT id, ST_X(position), ST_Y(position), kind, camera_type, operator_type,"
            + " signage, status, directions, field_of_view, range_m, operator, version, filmed_area,"
            + " coalesce(last_confirmed_at, created_at) FROM camera WHERE ";

    private final AgroalDataSource dataSource;
    private final JsonFactory json;

    public CameraMarkerRows(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.json = mapper.getFactory();
    }

    /**
     * The GeoJSON FeatureCollection (UTF-8) of the first {@code query.limit()} matching cameras by id,
     * and whether more matched; complete, or a failure and nothing.
     */
    public byte[] search(CameraQuery query) {
        try (Connection connection = dataSource.getConnection()) {
            CameraSqlFilter filter = CameraSqlFilter.of(query, connection);
            try (PreparedStatement s = connection.prepareStatement(statement(filter))) {
                s.setInt(CameraSqlFilter.bind(s, filter.params(), 1), query.limit() + 1);
                try (ResultSet r = s.executeQuery()) {
                    return CameraMarkerJson.collection(json, r, query.limit());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("camera search (map view) failed", e);
        }
    }

    /** The statement for a filter; its last parameter is the limit + 1. */
    static String statement(CameraSqlFilter filter) {
        return SELECT + filter.where() + " ORDER BY id LIMIT ?";
    }
}
