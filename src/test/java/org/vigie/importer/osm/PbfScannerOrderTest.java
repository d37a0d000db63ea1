package org.vigie.importer.osm;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.vigie.importer.ImportFailure;
import org.vigie.support.SharedData;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Blocks decoded on several threads reach the handler exactly as a sequential read gives them. */
class PbfScannerOrderTest {

    private static final Path MONACO = Path.of("osm", "monaco-2021-04-21.osm.pbf");

    /** Every call a pass makes, written out, in order. */
    private record Calls(List<String> lines) implements OsmHandler {
        @Override
        public void bounds(Envelope bounds) {
            lines.add("bounds " + bounds);
        }

        @Override
        public void node(long id, Integer version, double lon, double lat, Map<String, String> tags) {
            lines.add("n" + id + " v" + version + " " + lon + " " + lat + " " + new TreeMap<>(tags));
        }

        @Override
        public void way(long id, Integer version, Map<String, String> tags, long[] nodeRefs) {
            lines.add("w" + id + " v" + version + " " + new TreeMap<>(tags) + " " + Arrays.toString(nodeRefs));
        }

        @Override
        public void relation(long id, Integer version, Map<String, String> tags, String[] members) {
            lines.add("r" + id + " v" + version + " " + new TreeMap<>(tags) + " " + Arrays.toString(members));
        }
    }

    private static List<String> scan(Path file, int decoders) {
        Calls calls = new Calls(new ArrayList<>());
        new PbfScanner(file, decoders).scan(calls);
        return calls.lines;
    }

    @Test
    void theSameElementsInTheSameOrderWithAnyNumberOfDecoders() {
        Path file = SharedData.file(MONACO.toString());
        List<String> sequential = scan(file, 0);
        assertTrue(sequential.size() > 29_000, "the whole file was read: " + sequential.size());
        assertTrue(sequential.get(0).startsWith("bounds "), "the header's bounds come first");
        for (int decoders : new int[] {1, 2, 3}) {
            assertEquals(sequential, scan(file, decoders), decoders + " decoding threads");
        }
    }

    @Test
    void noDecodingThreadOutlivesAPass() {
        Path file = SharedData.file(MONACO.toString());
        PbfScanner scanner = new PbfScanner(file, 2);
        scanner.scan(new Calls(new ArrayList<>()));
        // A handler that fails part way stops the pass; its decoders are shut down too.
        RuntimeException stop = new IllegalStateException("stop");
        Calls failing = new Calls(new ArrayList<>() {
            @Override
            public boolean add(String line) {
                if (size() > 1000) {
                    throw stop;
                }
                return super.add(line);
            }
        });
        assertEquals(stop, assertThrows(ImportFailure.class, () -> scanner.scan(failing)).getCause());
        assertEquals(List.of(), Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName).filter(name -> name.startsWith("vigie-pbf-decoder")).toList());
    }
}
