package org.vigie.osm.sync;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.vigie.importer.SourceObject;
import org.vigie.importer.SourceUpdates;
import org.vigie.importer.TextValues;
import org.vigie.importer.osm.OsmFileReader;
import org.vigie.importer.osm.WayNodes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies one replication diff to the registry, inside the caller's transaction: surveillance
 * objects created or modified go through the import's update path (SourceUpdates); a modify that
 * drops man_made=surveillance, and a delete, take the camera down with a version saying why; a
 * surveillance way whose nodes moved gets its centre again, at its same OpenStreetMap version.
 */
final class DiffApplier {

    /** A camera already in the registry, as the diff may need it: its version, tags and position. */
    private record Stored(Integer version, Map<String, String> tags, double lon, double lat) {
    }

    private final Connection connection;
    private final SourceUpdates updates;
    private final WayNodes wayNodes;
    private final WayNodesFromApi api;

    DiffApplier(Connection connection, SourceUpdates updates, WayNodesFromApi api) {
        this.connection = connection;
        this.updates = updates;
        this.wayNodes = new WayNodes(connection);
        this.api = api;
    }

    void apply(OsmChange diff, long sequence) throws SQLException {
        // An object may come more than once in a diff: its highest version is what OpenStreetMap holds now.
        Map<String, OsmChange.Element> latest = new LinkedHashMap<>();
        for (OsmChange.Element e : diff.elements()) {
            latest.merge(e.sourceId(), e, (a, b) -> b.version() >= a.version() ? b : a);
        }
        Map<Long, Coordinate> diffNodes = new HashMap<>();
        Map<String, String> removals = new LinkedHashMap<>();
        List<SourceObject> writes = new ArrayList<>();
        Map<Long, long[]> surveillanceWays = new LinkedHashMap<>();
        Map<Long, OsmChange.Element> wayElements = new HashMap<>();
        List<OsmChange.Element> relations = new ArrayList<>();
        Set<Long> goneWays = new HashSet<>();
        for (OsmChange.Element e : latest.values()) {
            boolean node = e.type().equals("node");
            if (node && e.action() != OsmChange.Action.DELETE) {
                diffNodes.put(e.id(), new Coordinate(e.lon(), e.lat()));
            }
            if (e.action() == OsmChange.Action.DELETE) {
                removals.put(e.sourceId(), "OpenStreetMap: " + e.sourceId() + " deleted (version " + e.version()
                        + ", replication sequence " + sequence + ")");
            } else if (!isSurveillance(e.tags())) {
                if (e.action() == OsmChange.Action.MODIFY) {
                    removals.put(e.sourceId(), "OpenStreetMap: man_made=surveillance removed from " + e.sourceId()
                            + " (version " + e.version() + ", replication sequence " + sequence + ")");
                }
            } else if (node) {
                writes.add(new SourceObject(e.sourceId(), e.version(), e.lon(), e.lat(), e.tags(), e.stamped()));
            } else if (e.type().equals("way")) {
                surveillanceWays.put(e.id(), e.nodes());
                wayElements.put(e.id(), e);
            } else {
                relations.add(e);
            }
            if (e.type().equals("way") && (e.action() == OsmChange.Action.DELETE || !isSurveillance(e.tags()))) {
                goneWays.add(e.id());
            }
        }
        wayNodes.forget(goneWays);
        Set<Long> moved = wayNodes.move(diffNodes);
        // the diff's nodes, and those of its surveillance ways that nothing here places, from the API
        Map<Long, Coordinate> given = new HashMap<>(diffNodes);
        given.putAll(unplacedFromApi(surveillanceWays, diffNodes));
        wayNodes.remember(surveillanceWays, given);
        // Surveillance ways the diff does not name, whose nodes it moved: same version, new centre.
        Map<Long, long[]> shifted = wayNodes.waysOf(moved);
        shifted.keySet().removeAll(surveillanceWays.keySet());

        Set<String> needed = new HashSet<>();
        surveillanceWays.keySet().forEach(id -> needed.add("way/" + id));
        shifted.keySet().forEach(id -> needed.add("way/" + id));
        relations.forEach(r -> needed.add(r.sourceId()));
        Map<String, Stored> stored = stored(needed);
        Set<Long> memberWays = new HashSet<>();
        for (OsmChange.Element r : relations) {
            for (String m : r.members()) {
                if (m.charAt(0) == 'w') {
                    memberWays.add(Long.parseLong(m.substring(1)));
                }
            }
        }
        Map<Long, long[]> memberWayNodes = wayNodes.nodesOf(memberWays);
        Set<Long> wanted = new HashSet<>();
        surveillanceWays.values().forEach(nodes -> add(wanted, nodes));
        shifted.values().forEach(nodes -> add(wanted, nodes));
        memberWayNodes.values().forEach(nodes -> add(wanted, nodes));
        relations.forEach(r -> r.members().stream().filter(m -> m.charAt(0) == 'n')
                .forEach(m -> wanted.add(Long.parseLong(m.substring(1)))));
        Map<Long, Coordinate> positions = wayNodes.positions(wanted);
        positions.putAll(given);

        surveillanceWays.forEach((id, nodes) -> {
            OsmChange.Element e = wayElements.get(id);
            writes.add(placed(e.sourceId(), e.version(), e.tags(), nodes, positions, stored.get(e.sourceId()), e.stamped()));
        });
        shifted.forEach((id, nodes) -> {
            Stored s = stored.get("way/" + id);
            if (s != null) {
                // the same version: its day is the one the camera was first seen by, kept as it is (null changes nothing)
                writes.add(placed("way/" + id, s.version, s.tags, nodes, positions, s, null));
            }
        });
        for (OsmChange.Element r : relations) {
            List<Long> nodes = new ArrayList<>();
            for (String m : r.members()) {
                long ref = Long.parseLong(m.substring(1));
                if (m.charAt(0) == 'n') {
                    nodes.add(ref);
                } else if (m.charAt(0) == 'w') {
                    for (long n : memberWayNodes.getOrDefault(ref, new long[0])) {
                        nodes.add(n);
                    }
                }
            }
            writes.add(placed(r.sourceId(), r.version(), r.tags(), nodes.stream().mapToLong(Long::longValue).toArray(),
                    positions, stored.get(r.sourceId()), r.stamped()));
        }
        updates.write(writes);
        updates.remove(removals);
        updates.linkLegacy(writes.stream().map(SourceObject::sourceId).toList());
    }

    /**
     * The positions of the nodes of these ways that neither the diff nor the kept positions give,
     * asked of OpenStreetMap's API way by way (a way newly tagged as a camera: its nodes did not
     * change, so the diff does not carry them), for {@link WayNodesFromApi#MOST_WAYS_PER_DIFF} ways at most.
     */
    private Map<Long, Coordinate> unplacedFromApi(Map<Long, long[]> ways, Map<Long, Coordinate> diffNodes)
            throws SQLException {
        Set<Long> unknown = new HashSet<>();
        ways.values().forEach(nodes -> add(unknown, nodes));
        unknown.removeAll(diffNodes.keySet());
        unknown.removeAll(wayNodes.positions(unknown).keySet());
        Map<Long, Coordinate> found = new HashMap<>();
        int asked = 0;
        for (Map.Entry<Long, long[]> way : ways.entrySet()) {
            if (asked == WayNodesFromApi.MOST_WAYS_PER_DIFF) {
                break;
            }
            boolean missing = false;
            for (long n : way.getValue()) {
                missing |= unknown.contains(n) && !found.containsKey(n);
            }
            if (missing) {
                found.putAll(api.of(way.getKey()));
                asked++;
            }
        }
        return found;
    }

    /**
     * The object at the centre of its nodes when every node's position is known; else where the
     * registry has it (a way imported before its nodes were kept, whose tags alone changed); else at
     * the centre of the nodes known, if any (the mapper skips a position it cannot use).
     */
    private static SourceObject placed(String sourceId, Integer version, Map<String, String> tags, long[] nodes,
                                       Map<Long, Coordinate> positions, Stored stored, LocalDate stamped) {
        List<Coordinate> points = new ArrayList<>();
        for (long n : nodes) {
            Coordinate c = positions.get(n);
            if (c != null) {
                points.add(c);
            }
        }
        double lon = Double.NaN;
        double lat = Double.NaN;
        if (!points.isEmpty() && (points.size() == nodes.length || stored == null)) {
            Point centre = OsmFileReader.Centroids.of(points);
            lon = centre.getX();
            lat = centre.getY();
        } else if (stored != null) {
            lon = stored.lon;
            lat = stored.lat;
        }
        return new SourceObject(sourceId, version, lon, lat, tags, stamped);
    }

    private Map<String, Stored> stored(Set<String> sourceIds) throws SQLException {
        Map<String, Stored> found = new HashMap<>();
        if (sourceIds.isEmpty()) {
            return found;
        }
        try (PreparedStatement s = connection.prepareStatement("SELECT source_id, source_version, tags::text, "
                + "ST_X(position), ST_Y(position) FROM camera WHERE source = 'osm' AND source_id = ANY (?)")) {
            s.setArray(1, connection.createArrayOf("text", sourceIds.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.put(r.getString(1), new Stored((Integer) r.getObject(2), Tags.parse(r.getString(3)),
                            r.getDouble(4), r.getDouble(5)));
                }
            }
        }
        return found;
    }

    private static void add(Set<Long> into, long[] values) {
        for (long v : values) {
            into.add(v);
        }
    }

    static boolean isSurveillance(Map<String, String> tags) {
        return TextValues.list(tags.get("man_made")).contains("surveillance");
    }
}
