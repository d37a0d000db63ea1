package org.vigie.camera;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigie.support.Plans;
import org.vigie.support.Sql;

import java.sql.Connection;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's index leaves out the cameras that name no operator (V18): the operator filter,
 * {@code lower(operator) = lower(?)} with a parameter, must still be able to read it (PostgreSQL
 * proves that a strict comparison of {@code lower(operator)} implies {@code operator IS NOT NULL}).
 */
@QuarkusTest
class OperatorIndexTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Sql sql;

    @Test
    void theOperatorFilterStillReadsTheOperatorIndex() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String plan = Plans.withIndexesOnly(c, "EXPLAIN (COSTS OFF) SELECT id FROM camera WHERE visible"
                    + " AND lower(operator) = lower(?)", s -> s.setString(1, "Ville de Lyon"));
            assertTrue(plan.contains("camera_operator_idx"), plan);
        }
    }

    @Test
    void theIndexLeavesOutTheCamerasOfNoOperator() {
        String definition = sql.text("SELECT pg_get_indexdef('camera_operator_idx'::regclass)");
        assertTrue(definition.contains("WHERE (operator IS NOT NULL)"), definition);
    }
}
