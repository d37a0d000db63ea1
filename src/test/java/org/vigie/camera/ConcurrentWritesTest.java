package org.vigie.camera;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;
import org.vigie.support.Concurrently;
import org.vigie.support.Sql;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Writes that race: none is lost, and exactly one edit of a given version wins. */
@QuarkusTest
class ConcurrentWritesTest {

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void concurrentCreatesAreAllStored() throws Exception {
        double[] spot = Api.freshSpot();
        int writers = 40;
        List<Long> ids = Concurrently.run(writers, i -> () -> Api.create(spot[0] + i * 1e-5, spot[1], Map.of("notes", "n" + i)));
        assertEquals(writers, new HashSet<>(ids).size(), "every create got its own id");
        assertEquals(writers, sql.count("SELECT count(*) FROM camera WHERE ST_DWithin(position::geography, "
                + "ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, 100)", spot[0], spot[1]));
    }

    @Test
    void tenEditsOfOneVersionGiveOneSuccessAndNineConflicts() throws Exception {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("operator", "v1"));
        List<Integer> statuses = Concurrently.run(10, i -> () -> Api.asVolunteer().header("If-Match", "\"1\"")
                .body(Api.feature(spot[0], spot[1], Map.of("operator", "editor " + i)))
                .put("/api/cameras/{id}", id).statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(9, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(2, sql.count("SELECT count(*) FROM camera_version WHERE camera_id = ?", id));
    }
}
