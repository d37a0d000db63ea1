package org.vigie.camera.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigie.camera.CameraQuery;
import org.vigie.camera.CameraSqlFilter;
import org.vigie.camera.attribute.CameraStatus;
import org.vigie.camera.attribute.CameraType;
import org.vigie.camera.attribute.Kind;
import org.vigie.camera.attribute.OperatorType;
import org.vigie.camera.attribute.Signage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The map's markers can be read from the position index alone (V11): every column the statement
 * selects or filters on is in the index. On this small test table the planner would rather read
 * the table; with the other paths priced out, the plan must be an index-only scan, which fails as
 * soon as someone selects a column the index does not include.
 */
@QuarkusTest
class CameraMarkerIndexTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theMapsStatementWithEveryFilterIsAnIndexOnlyScan() throws SQLException {
        CameraQuery query = new CameraQuery(new CameraQuery.Area(2.34, 48.85, 2.36, 48.87), null,
                Set.of(Kind.CAMERA, Kind.ALPR), Set.of(CameraType.DOME), "Ville de Paris", Set.of(OperatorType.PUBLIC),
                Set.of(Signage.ABSENT), Set.of(CameraStatus.REPORTED), 1000);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute("SET LOCAL enable_seqscan = off");
                s.execute("SET LOCAL enable_bitmapscan = off");
            }
            CameraSqlFilter filter = CameraSqlFilter.of(query, connection);
            String sql = "EXPLAIN (COSTS OFF) " + CameraMarkerRows.statement(filter).replace(" LIMIT ?", " LIMIT 1001")
                   ;
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                CameraSqlFilter.bind(s, filter.params(), 1);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        plan.append(r.getString(1)).append('\n');
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            assertTrue(plan.toString().contains("Index Only Scan using camera_position_gix"), plan.toString());
        }
    }
}
