package org.vigie.importer.osm;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.vigie.common.geo.Geometries;
import org.vigie.importer.ImportSink;
import org.vigie.importer.SourceObject;
import org.vigie.importer.SourceReader;
import org.vigie.importer.TextValues;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads surveillance objects from an OSM file (PBF or XML). Tagged nodes are passed on as they
 * come. A way or relation tagged man_made=surveillance is imported at the centroid of its nodes,
 * which the file lists before it: further passes resolve them, remembering only the ids and
 * coordinates those few objects need, so memory does not grow with the file.
 */
public final class OsmFileReader implements SourceReader {

    private final Function<Path, OsmScanner> scanners;

    private OsmFileReader(Function<Path, OsmScanner> scanners) {
        this.scanners = scanners;
    }

    public static OsmFileReader pbf() {
        return new OsmFileReader(PbfScanner::new);
    }

    public static OsmFileReader xml() {
        return new OsmFileReader(OsmXmlScanner::new);
    }

    /** A way or relation waiting for its nodes' coordinates; {@code stamped} is its timestamp's day. */
    private record Pending(String sourceId, Integer version, Map<String, String> tags, String[] refs, LocalDate stamped) {
    }

    @Override
    public void read(Path file, ImportSink sink) {
        OsmScanner scanner = scanners.apply(file);
        List<Pending> pending = new ArrayList<>();
        scanner.scan(new FirstPass(sink, pending));
        if (pending.isEmpty()) {
            return;
        }
        Set<Long> memberWays = new HashSet<>();
        for (Pending p : pending) {
            for (String ref : p.refs) {
                if (ref.charAt(0) == 'w') {
                    memberWays.add(Long.parseLong(ref.substring(1)));
                }
            }
        }
        // Relations name ways, whose nodes come earlier in the file: one pass to learn those nodes.
        Map<Long, long[]> wayNodes = new HashMap<>();
        if (!memberWays.isEmpty()) {
            scanner.scan(new WaysPass(memberWays, wayNodes));
        }
        Set<Long> wanted = new HashSet<>();
        for (Pending p : pending) {
            for (long node : nodesOf(p, wayNodes)) {
                wanted.add(node);
            }
        }
        Map<Long, Coordinate> coordinates = new HashMap<>();
        scanner.scan(new NodesPass(wanted, coordinates));
        for (Pending p : pending) {
            List<Coordinate> points = new ArrayList<>();
            long[] nodes = nodesOf(p, wayNodes);
            for (long node : nodes) {
                Coordinate c = coordinates.get(node);
                if (c != null) {
                    points.add(c);
                }
            }
            if (p.sourceId.startsWith("way/") && !points.isEmpty() && isSurveillance(p.tags)) {
                Map<Long, Coordinate> positions = new HashMap<>();
                for (long node : nodes) {
                    if (coordinates.containsKey(node)) {
                        positions.put(node, coordinates.get(node));
                    }
                }
                sink.surveillanceWay(Long.parseLong(p.sourceId.substring(4)), nodes, positions);
            }
            if (points.isEmpty()) {
                sink.skipped("unresolved_geometry");
            } else {
                Point centre = Centroids.of(points);
                sink.object(new SourceObject(p.sourceId, p.version, centre.getX(), centre.getY(), p.tags, p.stamped));
            }
        }
    }

    private static long[] nodesOf(Pending p, Map<Long, long[]> wayNodes) {
        List<Long> nodes = new ArrayList<>();
        for (String ref : p.refs) {
            long id = Long.parseLong(ref.substring(1));
            switch (ref.charAt(0)) {
                case 'n' -> nodes.add(id);
                case 'w' -> {
                    for (long n : wayNodes.getOrDefault(id, new long[0])) {
                        nodes.add(n);
                    }
                }
                default -> {
                    // sub-relations are not followed: a camera is never that deep
                }
            }
        }
        return nodes.stream().mapToLong(Long::longValue).toArray();
    }

    static boolean isSurveillance(Map<String, String> tags) {
        return TextValues.list(tags.get("man_made")).contains("surveillance");
    }

    private record FirstPass(ImportSink sink, List<Pending> pending) implements OsmHandler {

        @Override
        public void bounds(Envelope bounds) {
            sink.bounds(bounds);
        }

        @Override
        public void node(long id, Integer version, double lon, double lat, Map<String, String> tags, Stamp stamp) {
            node(id, version, lon, lat, tags, stamp, false);
        }

        @Override
        public void nodeWithoutNul(long id, Integer version, double lon, double lat, Map<String, String> tags, Stamp stamp) {
            node(id, version, lon, lat, tags, stamp, true);
        }

        private void node(long id, Integer version, double lon, double lat, Map<String, String> tags, Stamp stamp,
                          boolean withoutNul) {
            if (tags.isEmpty()) {
                sink.skipped("untagged");
                return;
            }
            // Only a camera asks for its day: the other tagged nodes, which the mapper skips, leave a dense block's
            // timestamps undecoded.
            SourceObject object = new SourceObject("node/" + id, version, lon, lat, tags,
                    isSurveillance(tags) ? stamp.day() : null);
            if (withoutNul) {
                sink.objectWithoutNul(object);
            } else {
                sink.object(object);
            }
        }

        @Override
        public void way(long id, Integer version, Map<String, String> tags, long[] nodeRefs, Stamp stamp) {
            // The references are spelt out only for the few surveillance ways: a country extract has
            // millions of ways, and naming every node of each took a tenth of its first pass.
            if (tags.isEmpty()) {
                sink.skipped("untagged");
            } else if (isSurveillance(tags)) {
                String[] refs = new String[nodeRefs.length];
                for (int i = 0; i < refs.length; i++) {
                    refs[i] = "n" + nodeRefs[i];
                }
                pending.add(new Pending("way/" + id, version, tags, refs, stamp.day()));
            } else {
                notACamera("way/" + id, version, tags);
            }
        }

        @Override
        public void relation(long id, Integer version, Map<String, String> tags, String[] members, Stamp stamp) {
            if (tags.isEmpty()) {
                sink.skipped("untagged");
            } else if (isSurveillance(tags)) {
                pending.add(new Pending("relation/" + id, version, tags, members, stamp.day()));
            } else {
                notACamera("relation/" + id, version, tags);
            }
        }

        private void notACamera(String sourceId, Integer version, Map<String, String> tags) {
            // Let the mapper count it under its reason (monitoring station, other object).
            sink.object(new SourceObject(sourceId, version, Double.NaN, Double.NaN, tags));
        }
    }

    private record WaysPass(Set<Long> wanted, Map<Long, long[]> found) implements OsmHandler {
        @Override
        public void node(long id, Integer version, double lon, double lat, Map<String, String> tags, Stamp stamp) {
        }

        @Override
        public void way(long id, Integer version, Map<String, String> tags, long[] nodeRefs, Stamp stamp) {
            if (wanted.contains(id)) {
                found.put(id, nodeRefs);
            }
        }

        @Override
        public boolean done() {
            return found.size() == wanted.size();
        }

        @Override
        public void relation(long id, Integer version, Map<String, String> tags, String[] members, Stamp stamp) {
        }
    }

    private record NodesPass(Set<Long> wanted, Map<Long, Coordinate> found) implements OsmHandler {
        @Override
        public void node(long id, Integer version, double lon, double lat, Map<String, String> tags, Stamp stamp) {
            if (wanted.contains(id)) {
                found.put(id, new Coordinate(lon, lat));
            }
        }

        /**
         * Once every wanted node is found the rest of the file is not read: in a file sorted as
         * osmium and the planet write them (nodes, then ways, then relations) that skips the ways,
         * which are most of a country extract's bytes after its nodes.
         */
        @Override
        public boolean done() {
            return found.size() == wanted.size();
        }

        @Override
        public void way(long id, Integer version, Map<String, String> tags, long[] nodeRefs, Stamp stamp) {
        }

        @Override
        public void relation(long id, Integer version, Map<String, String> tags, String[] members, Stamp stamp) {
        }
    }

    /** The centroid of a closed ring is its area's; of anything else, its points'. */
    public static final class Centroids {
        private Centroids() {
        }

        public static Point of(List<Coordinate> points) {
            if (points.size() >= 4 && points.get(0).equals2D(points.get(points.size() - 1))) {
                try {
                    var polygon = Geometries.ring(points.toArray(Coordinate[]::new));
                    if (polygon.getArea() > 0) {
                        return polygon.getCentroid();
                    }
                } catch (IllegalArgumentException notARing) {
                    // fall through to the points' centroid
                }
            }
            return Geometries.FACTORY.createMultiPointFromCoords(points.toArray(Coordinate[]::new)).getCentroid();
        }
    }
}
