package org.vigie.importer;

import org.locationtech.jts.geom.Envelope;

/** Where a reader sends what it reads. Readers only read; mapping and writing happen behind this. */
public interface ImportSink {

    /** An object with a position, to be mapped. */
    void object(SourceObject object);

    /** The same, from a reader that knows that neither the id nor the tags hold a NUL character. */
    default void objectWithoutNul(SourceObject object) {
        object(object);
    }

    /** An element that cannot become a camera before mapping (no tags, no position): counted by reason. */
    void skipped(String reason);

    /** The area the file says it covers (an OSM extract's bounds), for --full-area. */
    void bounds(Envelope bounds);

    /**
     * A surveillance way's nodes and their positions: kept (org.vigie.importer.osm.WayNodes) so that
     * a replication diff that moves one of its nodes moves the camera.
     */
    default void surveillanceWay(long wayId, long[] nodes, java.util.Map<Long, org.locationtech.jts.geom.Coordinate> positions) {
    }
}
