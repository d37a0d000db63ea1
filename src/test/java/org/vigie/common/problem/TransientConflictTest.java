package org.vigie.common.problem;

import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A transaction PostgreSQL aborted to break a deadlock (two mass reverts locking the same cameras
 * in different orders) wrote nothing: the client is told to try again, not that the server failed.
 */
class TransientConflictTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aDeadlockOrSerializationFailureIsA503WithRetryAfter() {
        for (String state : new String[] {"40P01", "40001"}) {
            Response response = mappers.unexpected(
                    new PessimisticLockException(new RuntimeException(new SQLException("aborted", state))), null, null);
            assertEquals(503, response.getStatus(), state);
            assertEquals("1", response.getHeaderString("Retry-After"), state);
            assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString(), state);
            assertEquals(503, ((Problem) response.getEntity()).status(), state);
        }
    }

    @Test
    void anyOtherDatabaseFailureStaysA500() {
        Response response = mappers.unexpected(new RuntimeException(new SQLException("disk full", "53100")), null, null);
        assertEquals(500, response.getStatus());
        assertNull(response.getHeaderString("Retry-After"));
    }
}
