package org.vigie.city;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigie.support.Plans;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The city statistics index keeps only cameras inside a city (V15): the statistics' statement, which
 * names its city with a parameter, must still be able to read it (PostgreSQL proves that
 * {@code city_code = ?} implies the index's {@code city_code IS NOT NULL}); with the table's other
 * paths priced out, as the test table is small, the plan must use it.
 */
@QuarkusTest
class CityStatsIndexTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theStatisticsOfACityStillReadTheCityIndex() throws SQLException {
        String plan = plan(CityStatsService.SQL);
        assertTrue(plan.contains("using camera_city_stats_idx"), plan);
    }

    @Test
    void theIndexLeavesOutTheCamerasOfNoCity() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_get_indexdef('camera_city_stats_idx'::regclass)")) {
            r.next();
            assertTrue(r.getString(1).contains("city_code IS NOT NULL"), r.getString(1));
        }
    }

    private String plan(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Plans.withIndexesOnly(c, "EXPLAIN (COSTS OFF) " + sql, s -> s.setString(1, "69123"));
        }
    }
}
