package org.vigie.importer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vacuum that follows a large import marks the camera table's pages all-visible (what the map's
 * index-only scan needs), and stands aside inside a transaction, where PostgreSQL refuses VACUUM.
 */
@QuarkusTest
class TableUpkeepTest {

    @Inject
    TableUpkeep upkeep;

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void theVacuumMarksEveryPageAllVisible() {
        double[] spot = Api.freshSpot();
        Api.create(spot[0], spot[1], Map.of("notes", "a page written since the last vacuum"));

        assertTrue(upkeep.vacuum());
        long pages = sql.count("SELECT relpages FROM pg_class WHERE oid = 'camera'::regclass");
        assertTrue(pages > 0);
        assertEquals(pages, sql.count("SELECT relallvisible FROM pg_class WHERE oid = 'camera'::regclass"));
    }

    @Test
    void insideATransactionItIsLeftToAutovacuum() {
        assertFalse(QuarkusTransaction.requiringNew().call(() -> upkeep.vacuum()));
    }
}
