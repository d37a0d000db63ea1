package org.vigie.cluster;

/**
 * The grid cameras are counted on: square cells in degrees, about a quarter of a 256-pixel web
 * map tile wide at the given zoom, so that a screen shows a few hundred cells at most.
 */
public record ClusterGrid(int zoom, double cellDegrees) {

    public static final int MIN_ZOOM = 0;
    public static final int MAX_ZOOM = 22;
    /** Cells per tile side: 4 makes cells of 64 pixels, room for a count badge. */
    static final int CELLS_PER_TILE = 4;

    public static ClusterGrid at(int zoom) {
        if (zoom < MIN_ZOOM || zoom > MAX_ZOOM) {
            throw new IllegalArgumentException("zoom out of range: " + zoom);
        }
        return new ClusterGrid(zoom, 360.0 / (1L << zoom) / CELLS_PER_TILE);
    }
}
