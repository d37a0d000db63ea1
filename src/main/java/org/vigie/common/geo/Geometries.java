package org.vigie.common.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/** The one place that builds JTS geometries: WGS84 (SRID 4326), x = longitude, y = latitude. */
public final class Geometries {

    public static final int WGS84 = 4326;
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), WGS84);

    private Geometries() {
    }

    public static Point point(double lon, double lat) {
        return FACTORY.createPoint(new Coordinate(lon, lat));
    }

    public static Polygon box(double minLon, double minLat, double maxLon, double maxLat) {
        return (Polygon) FACTORY.toGeometry(new Envelope(minLon, maxLon, minLat, maxLat));
    }

    public static Polygon ring(Coordinate[] closedRing) {
        return FACTORY.createPolygon(closedRing);
    }

    public static Geometry union(Polygon... polygons) {
        Geometry all = FACTORY.createMultiPolygon(polygons);
        return polygons.length == 1 ? polygons[0] : all.union();
    }
}
