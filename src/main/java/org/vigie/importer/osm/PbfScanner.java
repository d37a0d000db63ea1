package org.vigie.importer.osm;

import crosby.binary.BinaryParser;
import crosby.binary.Osmformat;
import crosby.binary.file.FileBlock;
import org.locationtech.jts.geom.Envelope;
import org.vigie.importer.ImportDates;
import org.vigie.importer.ImportFailure;
import org.vigie.importer.SourceFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads OSM PBF with the osmpbf library's parser, block by block: memory holds a few blocks at a time ({@link PbfBlocksAhead}). */
final class PbfScanner implements OsmScanner {

    private final Path file;
    /** Whether blocks of dense nodes are read by {@link DenseBlock} (tests compare with osmpbf's parsing). */
    private final boolean denseBlocks;

    PbfScanner(Path file) {
        this(file, true);
    }

    PbfScanner(Path file, boolean denseBlocks) {
        this.file = file;
        this.denseBlocks = denseBlocks;
    }

    private boolean checked;

    @Override
    public void scan(OsmHandler handler) {
        if (!checked) {
            PbfFraming.check(file);
            checked = true;
        }
        Parser parser = new Parser(handler, denseBlocks ? new DenseBlock() : null);
        try (InputStream in = SourceFiles.open(file); PbfBlocksAhead blocks = new PbfBlocksAhead(in)) {
            for (FileBlock block = blocks.next(); block != null; block = blocks.next()) {
                if (parser.sawHeader && handler.done()) {
                    return; // the rest of the file is not read
                }
                parser.handleBlock(block);
            }
        } catch (java.util.concurrent.CancellationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImportFailure(file + ": broken PBF after " + parser.blocks + " data blocks ("
                    + ImportFailure.reason(e) + ")", e);
        }
        if (!parser.sawHeader) {
            throw new ImportFailure(file + ": not an OSM PBF file (no OSMHeader block)");
        }
    }

    private static final class Parser extends BinaryParser {

        private final OsmHandler handler;
        private final DenseBlock dense;
        private int blocks;
        private boolean sawHeader;

        Parser(OsmHandler handler, DenseBlock dense) {
            this.handler = handler;
            this.dense = dense;
        }

        @Override
        public void handleBlock(FileBlock block) {
            if (dense != null && block.getType().equals("OSMData") && dense.read(block.getData())) {
                blocks++;
                dense.nodes(handler);
            } else {
                super.handleBlock(block);
            }
        }

        @Override
        protected void parse(Osmformat.HeaderBlock header) {
            sawHeader = true;
            if (header.hasBbox()) {
                Osmformat.HeaderBBox b = header.getBbox();
                // The header's box is in nanodegrees.
                handler.bounds(new Envelope(b.getLeft() * 1e-9, b.getRight() * 1e-9, b.getBottom() * 1e-9, b.getTop() * 1e-9));
            }
        }

        @Override
        public void parse(Osmformat.PrimitiveBlock block) {
            blocks++;
            super.parse(block);
        }

        @Override
        protected void parseDense(Osmformat.DenseNodes nodes) {
            long id = 0;
            long lat = 0;
            long lon = 0;
            int kv = 0;
            boolean hasVersions = nodes.hasDenseinfo() && nodes.getDenseinfo().getVersionCount() == nodes.getIdCount();
            boolean hasStamps = nodes.hasDenseinfo() && nodes.getDenseinfo().getTimestampCount() == nodes.getIdCount();
            long stamp = 0;
            for (int i = 0; i < nodes.getIdCount(); i++) {
                id += nodes.getId(i);
                stamp += hasStamps ? nodes.getDenseinfo().getTimestamp(i) : 0;
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
                handler.node(id, hasVersions ? nodes.getDenseinfo().getVersion(i) : null, parseLon(lon), parseLat(lat), tags,
                        hasStamps ? stamp(stamp) : Stamp.NONE);
            }
        }

        @Override
        protected void parseNodes(List<Osmformat.Node> nodes) {
            for (Osmformat.Node n : nodes) {
                handler.node(n.getId(), n.hasInfo() ? n.getInfo().getVersion() : null,
                        parseLon(n.getLon()), parseLat(n.getLat()), tags(n.getKeysList(), n.getValsList()), stamp(n.hasInfo(), n.getInfo()));
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
                handler.way(w.getId(), w.hasInfo() ? w.getInfo().getVersion() : null, tags(w.getKeysList(), w.getValsList()), refs,
                        stamp(w.hasInfo(), w.getInfo()));
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
                        tags(r.getKeysList(), r.getValsList()), members, stamp(r.hasInfo(), r.getInfo()));
            }
        }

        @Override
        public void complete() {
            // nothing to finish: the handler sees every element as it is parsed
        }

        /** A timestamp in units of the block's date granularity (milliseconds), as the format stores it. */
        private Stamp stamp(long units) {
            long millis = units * date_granularity;
            return () -> ImportDates.stamped(millis);
        }

        private Stamp stamp(boolean hasInfo, Osmformat.Info info) {
            return hasInfo && info.hasTimestamp() ? stamp(info.getTimestamp()) : Stamp.NONE;
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
