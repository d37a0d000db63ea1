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
import org.vigie.support.Plans;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The map's markers can be read from the position index alone (V11): every column the statement
 * selects or filters on is in the index. Which plan the planner picks on the shared test table
 * depends on what earlier tests wrote (it once preferred the operator index), so the statement is
 * planned against a session copy of the table that carries only the position index, built from
 * the live index's own definition, with sequential and bitmap scans priced out (support.Plans): the plan must then
 * be an index-only scan, and turns into a plain index scan as soon as someone selects or filters
 * on a column the index does not include.
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
            try {
                copyTableWithOnlyThePositionIndex(connection);
                CameraSqlFilter filter = CameraSqlFilter.of(query, connection);
                String plan = Plans.withIndexesOnly(connection, "EXPLAIN (COSTS OFF) "
                        + CameraMarkerRows.statement(filter).replace(" LIMIT ?", " LIMIT 1001"),
                        s -> CameraSqlFilter.bind(s, filter.params(), 1));
                assertTrue(plan.contains("Index Only Scan using camera_position_gix"), plan);
            } finally {
                try (Statement s = connection.createStatement()) {
                    s.execute("DROP TABLE IF EXISTS pg_temp.camera");
                }
            }
        }
    }

    /** A temporary table named camera hides the real one for this session only (pg_temp comes first). */
    private static void copyTableWithOnlyThePositionIndex(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            String definition;
            try (ResultSet r = s.executeQuery("SELECT pg_get_indexdef('public.camera_position_gix'::regclass)")) {
                r.next();
                definition = r.getString(1);
            }
            s.execute("CREATE TEMP TABLE camera (LIKE public.camera INCLUDING DEFAULTS)");
            s.execute("INSERT INTO pg_temp.camera SELECT * FROM public.camera");
            s.execute(definition.replace(" ON public.camera ", " ON pg_temp.camera "));
            s.execute("VACUUM ANALYZE pg_temp.camera");
        }
    }
}
