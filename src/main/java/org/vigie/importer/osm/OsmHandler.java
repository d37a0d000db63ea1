package org.vigie.importer.osm;

import org.locationtech.jts.geom.Envelope;

import java.util.Map;

/** Receives the elements of one pass over an OSM file, in file order (nodes, ways, relations). */
interface OsmHandler {

    default void bounds(Envelope bounds) {
    }

    void node(long id, Integer version, double lon, double lat, Map<String, String> tags);

    /** A node whose tags the reader knows to hold no NUL character (PBF: checked once per block's strings). */
    default void nodeWithoutNul(long id, Integer version, double lon, double lat, Map<String, String> tags) {
        node(id, version, lon, lat, tags);
    }

    void way(long id, Integer version, Map<String, String> tags, long[] nodeRefs);

    /** {@code members} are typed references: {@code n123}, {@code w45}, {@code r6}. */
    void relation(long id, Integer version, Map<String, String> tags, String[] members);

    /** Whether the pass has all it wants: the scanner may then stop reading (between two blocks, or elements). */
    default boolean done() {
        return false;
    }
}
