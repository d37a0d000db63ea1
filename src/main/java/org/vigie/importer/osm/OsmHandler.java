package org.vigie.importer.osm;

import org.locationtech.jts.geom.Envelope;

import java.util.Map;

/**
 * Receives the elements of one pass over an OSM file, in file order (nodes, ways, relations), each
 * with its {@link Stamp} (when it was saved), to be asked during the call only when needed.
 */
interface OsmHandler {

    default void bounds(Envelope bounds) {
    }

    void node(long id, Integer version, double lon, double lat, Map<String, String> tags, Stamp stamp);

    /** A node whose tags the reader knows to hold no NUL character (PBF: checked once per block's strings). */
    default void nodeWithoutNul(long id, Integer version, double lon, double lat, Map<String, String> tags, Stamp stamp) {
        node(id, version, lon, lat, tags, stamp);
    }

    void way(long id, Integer version, Map<String, String> tags, long[] nodeRefs, Stamp stamp);

    /** {@code members} are typed references: {@code n123}, {@code w45}, {@code r6}. */
    void relation(long id, Integer version, Map<String, String> tags, String[] members, Stamp stamp);

    /** Whether the pass has all it wants: the scanner may then stop reading (between two blocks, or elements). */
    default boolean done() {
        return false;
    }
}
