package org.vigie.osm.sync;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The kept nodes of surveillance ways whose position is not known yet (the way came in a diff
 * without all its nodes): each has its row with no position, the way is placed at the nodes known,
 * and the first diff that gives the missing node's position moves it where it belongs.
 */
@QuarkusTest
class WayPositionsSyncTest extends WithReplicationFolder {

    private static final Instant T0 = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    SyncService sync;

    @Test
    void aWayWhoseNodeCameLaterMovesWhereItBelongsOnceTheNodeIsKnown() throws IOException {
        long[] ring = {511, 512, 513, 514, 511};
        // Node 514 is older than the diff: OpenStreetMap does not send it again.
        server.publish(1, T0.plus(1, ChronoUnit.MINUTES), Diff.change()
                .node("create", 511, 1, 2.5000, 48.8000)
                .node("create", 512, 1, 2.5004, 48.8000)
                .node("create", 513, 1, 2.5004, 48.8004)
                .way("create", 501, 1, ring, "man_made", "surveillance", "surveillance:type", "camera").xml());
        assertEquals(1, sync.round(server.url(), 1L).applied().get(0).changes().created());
        assertEquals("2.50027 48.80013", position("way/501"), "at the centre of the three nodes known");
        assertEquals(4, sql.count("SELECT count(*) FROM osm_node_position"), "every node of the way has its row");
        assertEquals(1, sql.count("SELECT count(*) FROM osm_node_position WHERE node_id = 514 AND lon IS NULL"));

        // The fourth corner comes, untouched for the rest: the way is whole now.
        server.publish(2, T0.plus(2, ChronoUnit.MINUTES), Diff.change()
                .node("modify", 514, 2, 2.5000, 48.8004)
                .node("modify", 515, 2, 2.6000, 48.9000).xml()); // a node of no surveillance way
        assertEquals(1, sync.round(server.url(), null).applied().get(0).changes().updated());
        assertEquals("2.50020 48.80020", position("way/501"));
        assertEquals(0, sql.count("SELECT count(*) FROM osm_node_position WHERE node_id = 515 OR lon IS NULL"));

        // A diff moving nothing kept changes nothing; the way's tag removed, its nodes are forgotten.
        server.publish(3, T0.plus(3, ChronoUnit.MINUTES), Diff.change().node("modify", 515, 3, 2.61, 48.91).xml());
        assertEquals(0, sync.round(server.url(), null).applied().get(0).changes().updated());
        server.publish(4, T0.plus(4, ChronoUnit.MINUTES), Diff.change().way("modify", 501, 2, ring, "building", "yes").xml());
        sync.round(server.url(), null);
        assertEquals(0, sql.count("SELECT count(*) FROM osm_node_position"));
        assertEquals(0, sql.count("SELECT count(*) FROM osm_way_node"));
    }
}
