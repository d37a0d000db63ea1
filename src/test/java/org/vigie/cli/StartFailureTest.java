package org.vigie.cli;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartFailureTest {

    @Test
    void aDatabaseThatDoesNotAnswerIsToldOnceByItsMostTellingLines() {
        Throwable connect = new ConnectException("Connection refused");
        Throwable driver = new SQLException("Connection to 127.0.0.1:55999 refused. Check that the hostname and port are correct", connect);
        Throwable flyway = new IllegalStateException("Unable to obtain connection from database: "
                + "Connection to 127.0.0.1:55999 refused. Check that the hostname and port are correct\n"
                + "-----------\nSQL State  : 08001\nError Code : 0", driver);
        Throwable wrapper = new RuntimeException("Failed to start quarkus", flyway);

        assertEquals(List.of(
                "Unable to obtain connection from database: Connection to 127.0.0.1:55999 refused. Check that the hostname and port are correct",
                "Connection refused"), StartFailure.causes(wrapper));
    }

    @Test
    void aReasonGivenOnALaterLineIsKept() {
        Throwable inactive = new IllegalStateException("Bean is not active: SYNTHETIC bean [AgroalDataSource]\n"
                + "Reason: Datasource '<default>' was deactivated automatically because its URL is not set.\n"
                + "To avoid this exception while keeping the bean inactive:");
        Throwable config = new IllegalStateException("Unable to find datasource '<default>': Bean is not active: SYNTHETIC bean [AgroalDataSource]\n"
                + "Reason: Datasource '<default>' was deactivated automatically because its URL is not set.", inactive);

        assertEquals(List.of(
                "Unable to find datasource '<default>': Bean is not active: SYNTHETIC bean [AgroalDataSource]",
                "Reason: Datasource '<default>' was deactivated automatically because its URL is not set."),
                StartFailure.causes(new RuntimeException("Failed to start quarkus", config)));
    }

    @Test
    void aFailureWithoutMessageIsNamedByItsClassAndTheCommandTellsWhereTheDatabaseIsSet() {
        String text = StartFailure.describe("import", new RuntimeException("Failed to start quarkus", new NullPointerException()));

        assertTrue(text.startsWith("vigie import: cannot start: java.lang.RuntimeException\n"), text);
        assertTrue(text.endsWith(StartFailure.DATABASE_HINT), text);
    }
}
