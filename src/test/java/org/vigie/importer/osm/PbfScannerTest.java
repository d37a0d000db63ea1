package org.vigie.importer.osm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.importer.ImportFailure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PBF scanner reads blocks ahead on a thread of its own: in order, stopping when asked, leaving no thread behind. */
class PbfScannerTest {

    @TempDir
    Path dir;

    private Path threeBlocks() throws IOException {
        return PbfBlocks.write(dir.resolve("three.osm.pbf"), List.of(
                PbfBlocks.denseBlock(PbfBlocks.cameras(1, 100, false)),
                PbfBlocks.denseBlock(PbfBlocks.cameras(1001, 100, false)),
                PbfBlocks.denseBlock(PbfBlocks.cameras(2001, 100, false))));
    }

    /** Records the ids of the nodes given; done once it has seen {@code enough} of them (0: never). */
    private static class Ids implements OsmHandler {
        final List<Long> ids = new ArrayList<>();
        final int enough;

        Ids(int enough) {
            this.enough = enough;
        }

        @Override
        public void node(long id, Integer version, double lon, double lat, Map<String, String> tags, Stamp stamp) {
            ids.add(id);
        }

        @Override
        public void way(long id, Integer version, Map<String, String> tags, long[] nodeRefs, Stamp stamp) {
        }

        @Override
        public void relation(long id, Integer version, Map<String, String> tags, String[] members, Stamp stamp) {
        }

        @Override
        public boolean done() {
            return enough > 0 && ids.size() >= enough;
        }
    }

    @Test
    void everyBlockIsGivenInTheFilesOrder() throws IOException {
        Ids all = new Ids(0);
        new PbfScanner(threeBlocks()).scan(all);
        assertEquals(300, all.ids.size());
        for (int i = 1; i < all.ids.size(); i++) {
            assertTrue(all.ids.get(i - 1) < all.ids.get(i), "out of order at " + i + ": " + all.ids);
        }
        assertEquals(1L, all.ids.get(0));
        assertEquals(2001L, all.ids.get(200));
        assertNoReaderLeft();
    }

    @Test
    void aPassThatHasWhatItWantsStopsBetweenTwoBlocks() throws IOException {
        Ids firstBlock = new Ids(100);
        new PbfScanner(threeBlocks()).scan(firstBlock);
        assertEquals(100, firstBlock.ids.size(), "the blocks after the one that satisfied the pass are not given");
        assertNoReaderLeft();
    }

    @Test
    void aPassThatFailsLeavesNoReaderBehind() throws IOException {
        Path file = threeBlocks();
        OsmHandler cancelled = new Ids(0) {
            @Override
            public void node(long id, Integer version, double lon, double lat, Map<String, String> tags, Stamp stamp) {
                throw new CancellationException("cancelled by the test");
            }
        };
        assertThrows(CancellationException.class, () -> new PbfScanner(file).scan(cancelled));
        ImportFailure broken = assertThrows(ImportFailure.class, () -> new PbfScanner(file).scan(new Ids(0) {
            @Override
            public void node(long id, Integer version, double lon, double lat, Map<String, String> tags, Stamp stamp) {
                throw new IllegalStateException("the handler failed");
            }
        }));
        assertTrue(broken.getMessage().contains("the handler failed"), broken.getMessage());
        assertNoReaderLeft();
    }

    private static void assertNoReaderLeft() {
        for (int i = 0; i < 50 && readers() > 0; i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertEquals(0, readers(), "a thread reading blocks ahead outlived its scan");
    }

    private static long readers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("pbf-blocks") && t.isAlive()).count();
    }
}
