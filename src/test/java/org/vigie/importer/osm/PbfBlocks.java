package org.vigie.importer.osm;

import crosby.binary.Osmformat;
import crosby.binary.file.CompressFlags;
import crosby.binary.file.FileBlock;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;

/** PBF files written block by block with osmpbf's own messages, for what real files rarely hold (NUL, odd blocks). */
public final class PbfBlocks {

    /** A node to write: its position in units of the block's granularity, its tags in their order. */
    public record Node(long id, Integer version, long lat, long lon, Map<String, String> tags) {
    }

    private PbfBlocks() {
    }

    /** A header block, then the data blocks, each compressed as osmium compresses them. */
    public static Path write(Path file, List<Osmformat.PrimitiveBlock> blocks) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Osmformat.HeaderBlock header = Osmformat.HeaderBlock.newBuilder()
                    .addRequiredFeatures("OsmSchema-V0.6").addRequiredFeatures("DenseNodes").build();
            FileBlock.newInstance("OSMHeader", header.toByteString(), null).writeTo(out, CompressFlags.DEFLATE);
            for (Osmformat.PrimitiveBlock block : blocks) {
                FileBlock.newInstance("OSMData", block.toByteString(), null).writeTo(out, CompressFlags.DEFLATE);
            }
        }
        return file;
    }

    /** The block's strings (index 0 is the empty string, the delimiter) and the index of each. */
    public static final class Strings {
        private final Map<String, Integer> index = new LinkedHashMap<>(Map.of("", 0));

        public int of(String s) {
            return index.computeIfAbsent(s, k -> index.size());
        }

        public Osmformat.StringTable table() {
            Osmformat.StringTable.Builder table = Osmformat.StringTable.newBuilder();
            index.keySet().forEach(s -> table.addS(ByteString.copyFrom(s, StandardCharsets.UTF_8)));
            return table.build();
        }
    }

    /** The nodes as one DenseNodes group, delta-coded as the format says; versions only when every node has one. */
    public static Osmformat.DenseNodes.Builder dense(List<Node> nodes, Strings strings) {
        Osmformat.DenseNodes.Builder dense = Osmformat.DenseNodes.newBuilder();
        Osmformat.DenseInfo.Builder info = Osmformat.DenseInfo.newBuilder();
        long id = 0;
        long lat = 0;
        long lon = 0;
        boolean anyTags = nodes.stream().anyMatch(n -> !n.tags().isEmpty());
        for (Node n : nodes) {
            dense.addId(n.id() - id).addLat(n.lat() - lat).addLon(n.lon() - lon);
            id = n.id();
            lat = n.lat();
            lon = n.lon();
            if (n.version() != null) {
                info.addVersion(n.version());
            }
            if (anyTags) {
                n.tags().forEach((k, v) -> dense.addKeysVals(strings.of(k)).addKeysVals(strings.of(v)));
                dense.addKeysVals(0);
            }
        }
        if (nodes.stream().allMatch(n -> n.version() != null)) {
            dense.setDenseinfo(info);
        }
        return dense;
    }

    public static Osmformat.PrimitiveBlock denseBlock(List<Node> nodes) {
        Strings strings = new Strings();
        Osmformat.DenseNodes.Builder dense = dense(nodes, strings);
        return Osmformat.PrimitiveBlock.newBuilder().setStringtable(strings.table())
                .addPrimitivegroup(Osmformat.PrimitiveGroup.newBuilder().setDense(dense)).build();
    }

    /** The same nodes as plain (not dense) nodes. */
    public static Osmformat.PrimitiveBlock plainBlock(List<Node> nodes) {
        Strings strings = new Strings();
        Osmformat.PrimitiveGroup.Builder group = Osmformat.PrimitiveGroup.newBuilder();
        for (Node n : nodes) {
            Osmformat.Node.Builder node = Osmformat.Node.newBuilder().setId(n.id()).setLat(n.lat()).setLon(n.lon());
            n.tags().forEach((k, v) -> node.addKeys(strings.of(k)).addVals(strings.of(v)));
            if (n.version() != null) {
                node.setInfo(Osmformat.Info.newBuilder().setVersion(n.version()));
            }
            group.addNodes(node);
        }
        return Osmformat.PrimitiveBlock.newBuilder().setStringtable(strings.table()).addPrimitivegroup(group).build();
    }

    /** Nodes tagged as cameras, some with a NUL character or other text to be careful with. */
    public static List<Node> cameras(long firstId, int count, boolean withNul) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("man_made", "surveillance");
            tags.put("camera:type", i % 3 == 0 ? "dome" : "fixed");
            if (i % 4 == 1) {
                tags.put("operator", withNul && i % 8 == 1 ? "Ville\0de Nice" : "Caméra \"parc\" 😀 \\");
            }
            if (i % 5 == 2) {
                tags.put("camera:direction", Integer.toString(i % 360));
            }
            nodes.add(new Node(firstId + 3L * i, i % 7 == 0 ? 2 : 1, 436_000_000L + 997L * i, 74_000_000L - 31L * i,
                    i % 11 == 5 ? Map.of() : tags));
        }
        return nodes;
    }
}
