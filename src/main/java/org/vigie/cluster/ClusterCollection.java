package org.vigie.cluster;

import org.vigie.common.geo.GeoJsonGeometry;
import org.vigie.common.geo.Geometries;

import java.util.List;

/**
 * The GeoJSON answer: a FeatureCollection of Points, one per cell. {@code count} is the number of
 * cameras in the area (all cells together), {@code cellSize} the cell side in degrees.
 */
public record ClusterCollection(String type, List<Feature> features, long count, int zoom, double cellSize,
                                boolean truncated) {

    public record Feature(String type, GeoJsonGeometry geometry, Properties properties) {
    }

    /** {@code bounds} is the cell: minLon, minLat, maxLon, maxLat. */
    public record Properties(long count, double[] bounds) {
    }

    static ClusterCollection of(ClusterResult result) {
        List<Feature> features = result.cells().stream().map(c -> new Feature("Feature",
                GeoJsonGeometry.of(Geometries.point(c.lon(), c.lat())),
                new Properties(c.count(), new double[] {c.minLon(), c.minLat(), c.maxLon(), c.maxLat()}))).toList();
        return new ClusterCollection("FeatureCollection", features, result.total(), result.grid().zoom(),
                result.grid().cellDegrees(), result.truncated());
    }
}
