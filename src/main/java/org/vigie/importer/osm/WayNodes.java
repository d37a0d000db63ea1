package org.vigie.importer.osm;

import org.locationtech.jts.geom.Coordinate;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nodes of the surveillance ways and their positions (tables osm_way_node, osm_node_position,
 * where every node of a kept way has its row, its position null until known): a diff that moves a
 * node names the node alone, and only these say which camera's centre moves.
 * Nodes of other ways are never kept: the planet's would fill the disk. Filled by imports of OSM
 * files (the ways they hold) and by the replication diffs (org.vigie.osm.sync).
 */
public final class WayNodes {

    private final Connection connection;

    public WayNodes(Connection connection) {
        this.connection = connection;
    }

    /**
     * Moves the kept nodes among these to these positions: one join on the primary key, as every
     * node of a kept way has its row (V38_1). Returns the ids of those that moved, or whose position
     * was not known yet (a way that came before its nodes did).
     */
    public Set<Long> move(Map<Long, Coordinate> positions) throws SQLException {
        Set<Long> moved = new HashSet<>();
        if (positions.isEmpty()) {
            return moved;
        }
        try (PreparedStatement s = connection.prepareStatement("UPDATE osm_node_position p SET lon = n.lon, lat = n.lat "
                + "FROM unnest(?::bigint[], ?::float8[], ?::float8[]) AS n (node_id, lon, lat) "
                + "WHERE p.node_id = n.node_id AND (p.lon IS DISTINCT FROM n.lon OR p.lat IS DISTINCT FROM n.lat) "
                + "RETURNING p.node_id")) {
            bindPositions(s, positions);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    moved.add(r.getLong(1));
                }
            }
        }
        return moved;
    }

    /** Keeps the nodes of these surveillance ways, with the positions the diff gives for them. */
    public void remember(Map<Long, long[]> ways, Map<Long, Coordinate> diffPositions) throws SQLException {
        if (ways.isEmpty()) {
            return;
        }
        Set<Long> dropped = new HashSet<>();
        nodesOf(ways.keySet()).values().forEach(nodes -> {
            for (long n : nodes) {
                dropped.add(n);
            }
        });
        Long[] wayIds = ways.keySet().toArray(Long[]::new);
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO osm_way_node (way_id, node_ids) VALUES (?, ?) "
                + "ON CONFLICT (way_id) DO UPDATE SET node_ids = excluded.node_ids")) {
            for (Long way : wayIds) {
                s.setLong(1, way);
                s.setArray(2, connection.createArrayOf("bigint", boxed(ways.get(way))));
                s.addBatch();
            }
            s.executeBatch();
        }
        ways.values().forEach(nodes -> {
            for (long n : nodes) {
                dropped.remove(n);
            }
        });
        forgetUnused(dropped);
        // Every node has its row (V38_1): its position when given here, else the one kept, else none yet.
        Map<Long, Coordinate> nodes = new HashMap<>();
        for (long[] wayNodes : ways.values()) {
            for (long n : wayNodes) {
                nodes.put(n, diffPositions.get(n));
            }
        }
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO osm_node_position (node_id, lon, lat) "
                + "SELECT * FROM unnest(?::bigint[], ?::float8[], ?::float8[]) "
                + "ON CONFLICT (node_id) DO UPDATE SET lon = excluded.lon, lat = excluded.lat WHERE excluded.lon IS NOT NULL")) {
            bindPositions(s, nodes);
            s.executeUpdate();
        }
    }

    /** Forgets these ways, and the positions of their nodes that no other surveillance way uses. */
    public void forget(Collection<Long> wayIds) throws SQLException {
        if (wayIds.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement("WITH gone AS (DELETE FROM osm_way_node WHERE way_id = ANY (?) "
                + "RETURNING node_ids) DELETE FROM osm_node_position p WHERE p.node_id IN (SELECT unnest(node_ids) FROM gone) "
                + "AND NOT EXISTS (SELECT 1 FROM osm_way_node w WHERE w.node_ids @> ARRAY[p.node_id] "
                + "AND w.way_id <> ALL (?))")) {
            Array ids = connection.createArrayOf("bigint", wayIds.toArray());
            s.setArray(1, ids);
            s.setArray(2, ids);
            s.executeUpdate();
        }
    }

    /** Forgets the positions of these nodes where no kept way uses them any more. */
    private void forgetUnused(Set<Long> nodes) throws SQLException {
        if (nodes.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement("DELETE FROM osm_node_position p WHERE p.node_id = ANY (?) "
                + "AND NOT EXISTS (SELECT 1 FROM osm_way_node w WHERE w.node_ids @> ARRAY[p.node_id])")) {
            s.setArray(1, connection.createArrayOf("bigint", nodes.toArray()));
            s.executeUpdate();
        }
    }

    /** The kept ways that use any of these nodes, with their nodes. */
    public Map<Long, long[]> waysOf(Set<Long> nodes) throws SQLException {
        Map<Long, long[]> ways = new HashMap<>();
        if (nodes.isEmpty()) {
            return ways;
        }
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT way_id, node_ids FROM osm_way_node WHERE node_ids && ?::bigint[]")) {
            s.setArray(1, connection.createArrayOf("bigint", nodes.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Long[] ids = (Long[]) r.getArray(2).getArray();
                    ways.put(r.getLong(1), java.util.Arrays.stream(ids).mapToLong(Long::longValue).toArray());
                }
            }
        }
        return ways;
    }

    /** The nodes of these kept ways (for relations' member ways). */
    public Map<Long, long[]> nodesOf(Set<Long> wayIds) throws SQLException {
        Map<Long, long[]> ways = new HashMap<>();
        if (wayIds.isEmpty()) {
            return ways;
        }
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT way_id, node_ids FROM osm_way_node WHERE way_id = ANY (?)")) {
            s.setArray(1, connection.createArrayOf("bigint", wayIds.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Long[] ids = (Long[]) r.getArray(2).getArray();
                    ways.put(r.getLong(1), java.util.Arrays.stream(ids).mapToLong(Long::longValue).toArray());
                }
            }
        }
        return ways;
    }

    /** The kept positions of these nodes. */
    public Map<Long, Coordinate> positions(Set<Long> nodes) throws SQLException {
        Map<Long, Coordinate> found = new HashMap<>();
        if (nodes.isEmpty()) {
            return found;
        }
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT node_id, lon, lat FROM osm_node_position WHERE node_id = ANY (?) AND lon IS NOT NULL")) {
            s.setArray(1, connection.createArrayOf("bigint", nodes.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.put(r.getLong(1), new Coordinate(r.getDouble(2), r.getDouble(3)));
                }
            }
        }
        return found;
    }

    /** Binds the ids, longitudes and latitudes of these positions (null where unknown) to parameters 1 to 3. */
    private void bindPositions(PreparedStatement s, Map<Long, Coordinate> positions) throws SQLException {
        List<Long> ids = new ArrayList<>(positions.keySet());
        Double[] lons = new Double[ids.size()];
        Double[] lats = new Double[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            Coordinate c = positions.get(ids.get(i));
            lons[i] = c == null ? null : c.x;
            lats[i] = c == null ? null : c.y;
        }
        s.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
        s.setArray(2, connection.createArrayOf("float8", lons));
        s.setArray(3, connection.createArrayOf("float8", lats));
    }

    private static Long[] boxed(long[] values) {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
