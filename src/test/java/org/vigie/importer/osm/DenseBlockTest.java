package org.vigie.importer.osm;

import crosby.binary.Osmformat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.vigie.importer.ImportFailure;
import org.vigie.support.SharedData;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Blocks of dense nodes read by DenseBlock give the very calls that osmpbf's parsing gives, or its very failure. */
class DenseBlockTest {

    private static final String NUL_FREE = " (nul-free)";

    @TempDir
    Path dir;

    /** What a scan gives: every call, a node's tags in their map's order (the tags' JSON follows it); then the failure, if any. */
    private static List<String> calls(Path file, boolean denseBlocks) {
        List<String> calls = new ArrayList<>();
        OsmHandler recorder = new OsmHandler() {
            @Override
            public void bounds(Envelope bounds) {
                calls.add("bounds " + bounds);
            }

            @Override
            public void node(long id, Integer version, double lon, double lat, Map<String, String> tags, Stamp stamp) {
                calls.add("node " + id + " v" + version + " " + lon + " " + lat + " " + tags + " " + stamp.day());
            }

            @Override
            public void nodeWithoutNul(long id, Integer version, double lon, double lat, Map<String, String> tags, Stamp stamp) {
                node(id, version, lon, lat, tags, stamp);
                calls.set(calls.size() - 1, calls.get(calls.size() - 1) + NUL_FREE);
                assertFalse(tags.toString().contains("\0"), "a NUL in tags said to have none");
            }

            @Override
            public void way(long id, Integer version, Map<String, String> tags, long[] nodeRefs, Stamp stamp) {
                calls.add("way " + id + " v" + version + " " + tags + " " + Arrays.toString(nodeRefs) + " " + stamp.day());
            }

            @Override
            public void relation(long id, Integer version, Map<String, String> tags, String[] members, Stamp stamp) {
                calls.add("relation " + id + " v" + version + " " + tags + " " + Arrays.toString(members) + " " + stamp.day());
            }
        };
        try {
            new PbfScanner(file, denseBlocks).scan(recorder);
        } catch (ImportFailure e) {
            calls.add("failure " + e.getMessage());
        }
        return calls;
    }

    /** The same calls both ways; returns how many nodes the shortcut vouched for. */
    private static long assertSameCalls(Path file) {
        List<String> osmpbf = calls(file, false);
        List<String> shortcut = calls(file, true);
        assertEquals(osmpbf, shortcut.stream().map(c -> c.replace(NUL_FREE, "")).toList());
        return shortcut.stream().filter(c -> c.endsWith(NUL_FREE)).count();
    }

    private Path file(String name, Osmformat.PrimitiveBlock... blocks) throws IOException {
        return PbfBlocks.write(dir.resolve(name), List.of(blocks));
    }

    @Test
    void aRealExtract() {
        long vouched = assertSameCalls(SharedData.file("osm/monaco-2021-04-21.osm.pbf"));
        assertTrue(vouched > 20_000, "the extract's dense blocks go through DenseBlock: " + vouched);
    }

    @Test
    void blocksWithAndWithoutNulCharacters() throws IOException {
        Path file = file("nul.osm.pbf", PbfBlocks.denseBlock(PbfBlocks.cameras(1, 500, false)),
                PbfBlocks.denseBlock(PbfBlocks.cameras(5000, 500, true)));
        List<String> calls = calls(file, true);
        assertEquals(1000, calls.size());
        // The first block's strings hold no NUL: its nodes are vouched for; the second's hold one: none of its nodes is.
        assertTrue(calls.subList(0, 500).stream().allMatch(c -> c.endsWith(NUL_FREE)));
        assertTrue(calls.subList(500, 1000).stream().noneMatch(c -> c.endsWith(NUL_FREE)));
        assertTrue(calls.stream().anyMatch(c -> c.contains("\0")));
        assertEquals(500, assertSameCalls(file));
    }

    @Test
    void malformedUtf8IsReadAsOsmpbfReadsIt() throws IOException {
        Osmformat.PrimitiveBlock block = PbfBlocks.denseBlock(PbfBlocks.cameras(1, 100, false));
        byte[] malformed = {'C', (byte) 0xFF, (byte) 0xC3, '(', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'x', (byte) 0xF0, (byte) 0x9F};
        Osmformat.PrimitiveBlock odd = block.toBuilder().setStringtable(block.getStringtable().toBuilder()
                .setS(2, com.google.protobuf.ByteString.copyFrom(malformed))).build();
        Path file = file("utf8.osm.pbf", odd);
        assertEquals(100, assertSameCalls(file));
        assertTrue(calls(file, true).stream().anyMatch(c -> c.contains("\ufffd")));
    }

    @Test
    void versionsGranularityOffsetsAndUntaggedNodes() throws IOException {
        List<PbfBlocks.Node> cameras = PbfBlocks.cameras(-40, 300, false);
        PbfBlocks.Strings strings = new PbfBlocks.Strings();
        Osmformat.DenseNodes.Builder someVersions = PbfBlocks.dense(cameras, strings);
        someVersions.setDenseinfo(Osmformat.DenseInfo.newBuilder().addVersion(3).addVersion(4));
        Osmformat.PrimitiveBlock odd = Osmformat.PrimitiveBlock.newBuilder().setStringtable(strings.table())
                .setGranularity(1000).setLatOffset(-12_345).setLonOffset(678_901).setDateGranularity(10)
                .addPrimitivegroup(Osmformat.PrimitiveGroup.newBuilder().setDense(someVersions)).build();
        List<PbfBlocks.Node> untagged = cameras.stream().map(n -> new PbfBlocks.Node(n.id(), null, n.lat(), n.lon(), Map.of())).toList();
        Path file = file("odd.osm.pbf", odd, PbfBlocks.denseBlock(untagged), PbfBlocks.denseBlock(List.of()),
                Osmformat.PrimitiveBlock.newBuilder().setStringtable(strings.table()).build());
        assertEquals(600, assertSameCalls(file));
    }

    /** Issue 17: each node's day, from the delta-coded timestamps in units of the block's date granularity. */
    @Test
    void timestampsAreReadAsOsmpbfReadsThem() throws IOException {
        List<PbfBlocks.Node> cameras = PbfBlocks.cameras(1, 300, false);
        long[] seconds = new long[cameras.size()];
        for (int i = 0; i < seconds.length; i++) {
            // from 2012-01-01 on, a few days apart, one node left at 0 (a file without its timestamp)
            seconds[i] = i == 7 ? 0 : 1_325_376_000L + 86_400L * 3 * i;
        }
        PbfBlocks.Strings strings = new PbfBlocks.Strings();
        Osmformat.DenseNodes.Builder dense = PbfBlocks.dense(cameras, strings);
        Osmformat.DenseInfo.Builder info = dense.getDenseinfo().toBuilder();
        // in units of 10 s, as a block with date_granularity 10000 writes them
        long previous = 0;
        for (long s : seconds) {
            info.addTimestamp(s / 10 - previous);
            previous = s / 10;
        }
        Osmformat.PrimitiveBlock stamped = Osmformat.PrimitiveBlock.newBuilder().setStringtable(strings.table())
                .setDateGranularity(10_000).addPrimitivegroup(Osmformat.PrimitiveGroup.newBuilder().setDense(dense.setDenseinfo(info)))
                .build();
        // timestamps for only some nodes: none is given a day, either way
        Osmformat.DenseNodes.Builder some = PbfBlocks.dense(cameras, new PbfBlocks.Strings());
        some.setDenseinfo(some.getDenseinfo().toBuilder().addTimestamp(1_325_376_000L));
        Osmformat.PrimitiveBlock partly = stamped.toBuilder()
                .setPrimitivegroup(0, Osmformat.PrimitiveGroup.newBuilder().setDense(some)).build();
        Path file = file("stamped.osm.pbf", stamped, partly);
        assertEquals(600, assertSameCalls(file));
        List<String> calls = calls(file, true);
        assertTrue(calls.get(0).contains(" 2012-01-01 "), calls.get(0));
        assertTrue(calls.get(1).contains(" 2012-01-04 "), calls.get(1));
        assertTrue(calls.get(7).contains(" null "), "a timestamp of 0 is no day: " + calls.get(7));
        assertTrue(calls.get(299).contains(" 2014-06-16 "), calls.get(299));
        assertTrue(calls.subList(300, 600).stream().allMatch(c -> c.contains(" null ")));

    }

    @Test
    void otherBlocksAreLeftToOsmpbf() throws IOException {
        List<PbfBlocks.Node> cameras = PbfBlocks.cameras(1, 200, false);
        Osmformat.PrimitiveBlock dense = PbfBlocks.denseBlock(cameras);
        Osmformat.PrimitiveBlock twoGroups = dense.toBuilder().addPrimitivegroup(dense.getPrimitivegroup(0)).build();
        Path file = file("other.osm.pbf", PbfBlocks.plainBlock(cameras), twoGroups);
        assertEquals(0, assertSameCalls(file));
        assertEquals(600, calls(file, true).size());
    }

    @Test
    void brokenDenseBlocksFailAsTheyDid() throws IOException {
        Osmformat.PrimitiveBlock good = PbfBlocks.denseBlock(PbfBlocks.cameras(1, 50, false));
        Osmformat.DenseNodes dense = good.getPrimitivegroup(0).getDense();
        List<Integer> keysVals = dense.getKeysValsList();
        List<Osmformat.DenseNodes> broken = List.of(
                dense.toBuilder().clearKeysVals().addAllKeysVals(keysVals.subList(0, keysVals.size() - 1)).build(),
                dense.toBuilder().setKeysVals(3, 10_000).build(),
                dense.toBuilder().setKeysVals(2, -1).build(),
                dense.toBuilder().clearLat().addAllLat(dense.getLatList().subList(0, 49)).build(),
                dense.toBuilder().clearLon().build());
        for (int i = 0; i < broken.size(); i++) {
            Osmformat.PrimitiveBlock block = good.toBuilder()
                    .setPrimitivegroup(0, Osmformat.PrimitiveGroup.newBuilder().setDense(broken.get(i))).build();
            Path file = file("broken-" + i + ".osm.pbf", good, block);
            assertEquals(50, assertSameCalls(file));
            String last = calls(file, true).get(calls(file, true).size() - 1);
            assertTrue(last.startsWith("failure "), last);
        }
    }

    @Test
    void aBlockWithoutItsStringTableFailsAsItDid() throws IOException {
        List<PbfBlocks.Node> untagged = PbfBlocks.cameras(1, 50, false).stream()
                .map(n -> new PbfBlocks.Node(n.id(), n.version(), n.lat(), n.lon(), Map.of())).toList();
        Osmformat.PrimitiveBlock block = PbfBlocks.denseBlock(untagged).toBuilder().clearStringtable().buildPartial();
        Path file = file("no-strings.osm.pbf", block);
        assertEquals(0, assertSameCalls(file));
        assertTrue(calls(file, true).get(0).startsWith("failure "), calls(file, true).get(0));
    }

    @Test
    void aMalformedMessageFailsAsItDid() throws IOException {
        Osmformat.PrimitiveBlock good = PbfBlocks.denseBlock(PbfBlocks.cameras(1, 50, false));
        byte[] bytes = good.toByteArray();
        Path file = dir.resolve("malformed.osm.pbf");
        try (var out = java.nio.file.Files.newOutputStream(file)) {
            crosby.binary.file.FileBlock.newInstance("OSMHeader", Osmformat.HeaderBlock.newBuilder().build().toByteString(), null)
                    .writeTo(out, crosby.binary.file.CompressFlags.DEFLATE);
            crosby.binary.file.FileBlock.newInstance("OSMData",
                    com.google.protobuf.ByteString.copyFrom(bytes, 0, bytes.length - 7), null).writeTo(out, crosby.binary.file.CompressFlags.DEFLATE);
        }
        assertEquals(0, assertSameCalls(file));
        assertNotNull(calls(file, true).get(0));
        assertTrue(calls(file, true).get(0).startsWith("failure "), calls(file, true).get(0));
    }
}
