package org.vigie.cluster;

import org.vigie.camera.CameraQuery;

/**
 * The grid cameras are counted on: square cells of 90 / 2^zoom degrees, about a quarter of a
 * 256-pixel web map tile wide at the given zoom, so that a screen shows a few hundred cells at most.
 * Cell (cx, cy) holds the positions with floor(lon / cell) = cx and floor(lat / cell) = cy; cells of
 * one zoom split exactly into four of the next, as the aggregates (camera_cluster, V6) rely on.
 */
public record ClusterGrid(int zoom, double cellDegrees) {

    public static final int MIN_ZOOM = 0;
    public static final int MAX_ZOOM = 22;
    /** The deepest zoom kept pre-aggregated; the SQL function vigie_cluster_max_level() says the same. */
    public static final int MAX_AGGREGATED_ZOOM = 14;
    /** Cells per tile side: 4 makes cells of 64 pixels, room for a count badge. */
    static final int CELLS_PER_TILE = 4;

    public static ClusterGrid at(int zoom) {
        if (zoom < MIN_ZOOM || zoom > MAX_ZOOM) {
            throw new IllegalArgumentException("zoom out of range: " + zoom);
        }
        return new ClusterGrid(zoom, 360.0 / (1L << zoom) / CELLS_PER_TILE);
    }

    public boolean aggregated() {
        return zoom <= MAX_AGGREGATED_ZOOM;
    }

    /** The cell index of a coordinate, as the database computes it. */
    public long cell(double degrees) {
        return (long) Math.floor(degrees / cellDegrees);
    }

    /**
     * The whole cells an area touches: the counts are those of whole cells, so that a cell on the
     * edge of the screen shows the same number as when it is in the middle.
     */
    public CameraQuery.Area cover(CameraQuery.Area area) {
        return new CameraQuery.Area(cell(area.minLon()) * cellDegrees, cell(area.minLat()) * cellDegrees,
                (cell(area.maxLon()) + 1) * cellDegrees, (cell(area.maxLat()) + 1) * cellDegrees);
    }
}
