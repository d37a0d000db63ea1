package org.vigie.importer.osm;

import crosby.binary.BinaryParser;
import crosby.binary.Osmformat;
import org.eclipse.microprofile.config.ConfigProvider;
import org.locationtech.jts.geom.Envelope;
import org.vigie.importer.ImportFailure;
import org.vigie.importer.SourceFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads OSM PBF with the osmpbf library's decoding. The blocks are inflated and decoded on a few
 * threads while the calling thread hands the elements of earlier blocks on, in file order: memory
 * holds a few blocks at a time (see {@link PbfBlocks}).
 */
final class PbfScanner implements OsmScanner {

    /** Decoding threads: {@code vigie.pbf.decoders} (see {@link PbfConfig}), 0 decodes on the reading thread. */
    private static int decoders() {
        return ConfigProvider.getConfig().getOptionalValue("vigie.pbf.decoders", Integer.class)
                .orElse(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() - 1)));
    }

    private final Path file;
    private final int decoders;
    private boolean checked;

    PbfScanner(Path file) {
        this(file, decoders());
    }

    PbfScanner(Path file, int decoders) {
        this.file = file;
        this.decoders = decoders;
    }

    /** One decoded block: whether it was the header, and its elements, each a call on the handler. */
    private record Decoded(boolean header, boolean data, List<Consumer<OsmHandler>> elements) {
    }

    @Override
    public void scan(OsmHandler handler) {
        if (!checked) {
            PbfFraming.check(file);
            checked = true;
        }
        int[] blocks = {0};
        boolean[] sawHeader = {false};
        try (InputStream in = SourceFiles.open(file)) {
            PbfBlocks.read(in, decoders, PbfScanner::decode, decoded -> {
                sawHeader[0] |= decoded.header;
                for (Consumer<OsmHandler> element : decoded.elements) {
                    element.accept(handler);
                }
                if (decoded.data) {
                    blocks[0]++;
                }
            });
        } catch (java.util.concurrent.CancellationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImportFailure(file + ": broken PBF after " + blocks[0] + " data blocks ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
        if (!sawHeader[0]) {
            throw new ImportFailure(file + ": not an OSM PBF file (no OSMHeader block)");
        }
    }

    /** Runs on a decoding thread: inflates and parses one block into the calls it makes on a handler. */
    private static Decoded decode(PbfBlocks.Raw raw) throws IOException {
        List<Consumer<OsmHandler>> elements = new ArrayList<>();
        Parser parser = new Parser(new Recorder(elements));
        switch (raw.type()) {
            case "OSMHeader" -> {
                parser.parse(Osmformat.HeaderBlock.parseFrom(raw.inflate()));
                return new Decoded(true, false, elements);
            }
            case "OSMData" -> {
                parser.parse(Osmformat.PrimitiveBlock.parseFrom(raw.inflate()));
                return new Decoded(false, true, elements);
            }
            default -> {
                return new Decoded(false, false, elements); // unknown block types are skipped, as osmpbf does
            }
        }
    }

    /** Keeps the calls a block's parsing makes, to replay them on the reading thread. */
    private record Recorder(List<Consumer<OsmHandler>> elements) implements OsmHandler {
        @Override
        public void bounds(Envelope bounds) {
            elements.add(h -> h.bounds(bounds));
        }

        @Override
        public void node(long id, Integer version, double lon, double lat, Map<String, String> tags) {
            elements.add(h -> h.node(id, version, lon, lat, tags));
        }

        @Override
        public void way(long id, Integer version, Map<String, String> tags, long[] nodeRefs) {
            elements.add(h -> h.way(id, version, tags, nodeRefs));
        }

        @Override
        public void relation(long id, Integer version, Map<String, String> tags, String[] members) {
            elements.add(h -> h.relation(id, version, tags, members));
        }
    }

    private static final class Parser extends BinaryParser {

        private final OsmHandler handler;

        Parser(OsmHandler handler) {
            this.handler = handler;
        }

        @Override
        protected void parse(Osmformat.HeaderBlock header) {
            if (header.hasBbox()) {
                Osmformat.HeaderBBox b = header.getBbox();
                // The header's box is in nanodegrees.
                handler.bounds(new Envelope(b.getLeft() * 1e-9, b.getRight() * 1e-9, b.getBottom() * 1e-9, b.getTop() * 1e-9));
            }
        }

        @Override
        protected void parseDense(Osmformat.DenseNodes nodes) {
            long id = 0;
            long lat = 0;
            long lon = 0;
            int kv = 0;
            boolean hasVersions = nodes.hasDenseinfo() && nodes.getDenseinfo().getVersionCount() == nodes.getIdCount();
            for (int i = 0; i < nodes.getIdCount(); i++) {
                id += nodes.getId(i);
                lat += nodes.getLat(i);
                lon += nodes.getLon(i);
                Map<String, String> tags = Map.of();
                // Tags of all dense nodes are one list of key/value string ids, each node's ended by 0.
                if (nodes.getKeysValsCount() > 0) {
                    if (nodes.getKeysVals(kv) != 0) {
                        tags = new HashMap<>();
                        while (nodes.getKeysVals(kv) != 0) {
                            tags.put(getStringById(nodes.getKeysVals(kv)), getStringById(nodes.getKeysVals(kv + 1)));
                            kv += 2;
                        }
                    }
                    kv++;
                }
                handler.node(id, hasVersions ? nodes.getDenseinfo().getVersion(i) : null, parseLon(lon), parseLat(lat), tags);
            }
        }

        @Override
        protected void parseNodes(List<Osmformat.Node> nodes) {
            for (Osmformat.Node n : nodes) {
                handler.node(n.getId(), n.hasInfo() ? n.getInfo().getVersion() : null,
                        parseLon(n.getLon()), parseLat(n.getLat()), tags(n.getKeysList(), n.getValsList()));
            }
        }

        @Override
        protected void parseWays(List<Osmformat.Way> ways) {
            for (Osmformat.Way w : ways) {
                long[] refs = new long[w.getRefsCount()];
                long ref = 0;
                for (int i = 0; i < refs.length; i++) {
                    ref += w.getRefs(i);
                    refs[i] = ref;
                }
                handler.way(w.getId(), w.hasInfo() ? w.getInfo().getVersion() : null, tags(w.getKeysList(), w.getValsList()), refs);
            }
        }

        @Override
        protected void parseRelations(List<Osmformat.Relation> relations) {
            for (Osmformat.Relation r : relations) {
                String[] members = new String[r.getMemidsCount()];
                long ref = 0;
                for (int i = 0; i < members.length; i++) {
                    ref += r.getMemids(i);
                    members[i] = switch (r.getTypes(i)) {
                        case NODE -> "n";
                        case WAY -> "w";
                        case RELATION -> "r";
                    } + ref;
                }
                handler.relation(r.getId(), r.hasInfo() ? r.getInfo().getVersion() : null,
                        tags(r.getKeysList(), r.getValsList()), members);
            }
        }

        @Override
        public void complete() {
            // nothing to finish: the handler sees every element as it is parsed
        }

        private Map<String, String> tags(List<Integer> keys, List<Integer> values) {
            if (keys.isEmpty()) {
                return Map.of();
            }
            Map<String, String> tags = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                tags.put(getStringById(keys.get(i)), getStringById(values.get(i)));
            }
            return tags;
        }
    }
}
