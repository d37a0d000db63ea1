package org.vigie.osm.sync;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A diff that tags an existing way as a camera carries the way and its node ids, not its nodes (they
 * did not change): the sync asks OpenStreetMap's API (here on the loopback) for them, places the
 * camera at their centre, and keeps them, so that a later diff moving one moves the camera.
 */
@QuarkusTest
class WayNodesFromApiTest extends WithReplicationFolder {

    private static final Instant T0 = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    SyncService sync;
    private HttpServer api;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serveTheApi() throws IOException {
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/api/0.6/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            asked.add(path);
            byte[] body = (path.equals("/api/0.6/way/601/full") ? """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <osm version="0.6" generator="a test">
                     <node id="611" visible="true" version="1" lat="48.8000000" lon="2.5000000"/>
                     <node id="612" visible="true" version="1" lat="48.8000000" lon="2.5004000"/>
                     <node id="613" visible="true" version="1" lat="48.8004000" lon="2.5004000"/>
                     <node id="614" visible="true" version="1" lat="48.8004000" lon="2.5000000"/>
                     <way id="601" visible="true" version="3">
                      <nd ref="611"/><nd ref="612"/><nd ref="613"/><nd ref="614"/><nd ref="611"/>
                      <tag k="man_made" v="surveillance"/>
                     </way>
                    </osm>
                    """ : "gone").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(path.equals("/api/0.6/way/601/full") ? 200 : 410, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        api.start();
        QuarkusMock.installMockForType(new WayNodesFromApi("http://127.0.0.1:" + api.getAddress().getPort() + "/api/0.6"),
                WayNodesFromApi.class);
    }

    @AfterEach
    void stopTheApi() {
        api.stop(0);
    }

    @Test
    void aWayNewlyTaggedAsACameraIsPlacedWithTheNodesTheApiGives() throws IOException {
        long[] ring = {611, 612, 613, 614, 611};
        server.publish(1, T0.plus(1, ChronoUnit.MINUTES), Diff.change()
                .way("modify", 601, 3, ring, "man_made", "surveillance", "surveillance:type", "camera").xml());
        assertEquals(1, sync.round(server.url(), 1L).applied().get(0).changes().created());
        assertEquals("2.50020 48.80020", position("way/601"), "at the centre of the four corners");
        assertEquals(List.of("/api/0.6/way/601/full"), asked, "asked once, for that way alone");
        assertEquals(4, sql.count("SELECT count(*) FROM osm_node_position WHERE lon IS NOT NULL"), "its nodes kept");

        // Kept: a later diff moving a corner moves the camera, without asking the API again.
        server.publish(2, T0.plus(2, ChronoUnit.MINUTES), Diff.change().node("modify", 613, 2, 2.5008, 48.8008).xml());
        assertEquals(1, sync.round(server.url(), null).applied().get(0).changes().updated());
        assertEquals("2.50033 48.80033", position("way/601"), "the centre of the moved outline");
        assertEquals(1, asked.size());
    }

    @Test
    void aWayTheApiNoLongerHasIsLeftAsTheDiffAlonePlacesIt() throws IOException {
        // Way 602 was deleted since (410): nothing places it, and the diff goes on.
        server.publish(1, T0.plus(1, ChronoUnit.MINUTES), Diff.change()
                .node("create", 621, 1, 2.6, 48.9).node("create", 622, 1, 2.6, 48.9, "man_made", "surveillance")
                .way("modify", 602, 2, new long[] {631, 632, 633, 631}, "man_made", "surveillance").xml());
        var applied = sync.round(server.url(), 1L).applied().get(0);
        assertEquals(1, applied.changes().created(), "the node camera; the way has no position");
        assertEquals(List.of("/api/0.6/way/602/full"), asked);
        assertEquals(0, sql.count("SELECT count(*) FROM camera WHERE source_id = 'way/602'"));
    }
}
