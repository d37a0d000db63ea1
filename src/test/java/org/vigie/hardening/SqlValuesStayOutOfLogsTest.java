package org.vigie.hardening;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failed statement's values (a user name clashing on registration) reach no exception message and no WARN line. */
@QuarkusTest
class SqlValuesStayOutOfLogsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aUniqueClashNamesTheConstraintButNotTheValue() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TEMP TABLE clash (name text CONSTRAINT clash_name_key UNIQUE)");
            sql.execute("INSERT INTO clash VALUES ('alice-private-name')");
            SQLException e = assertThrows(SQLException.class, () -> sql.execute("INSERT INTO clash VALUES ('alice-private-name')"));
            assertTrue(e.getMessage().contains("clash_name_key"), e.getMessage());
            assertFalse(e.getMessage().contains("alice-private-name"), e.getMessage());
        }
    }

    @Test
    void hibernatesFailedStatementLoggerWritesNoWarnings() {
        assertFalse(Logger.getLogger("org.hibernate.engine.jdbc.spi.SqlExceptionHelper").isEnabled(Logger.Level.WARN));
    }
}
