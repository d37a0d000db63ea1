package org.vigie.camera;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.vigie.common.geo.Geodesy;
import org.vigie.common.geo.Geometries;

/**
 * The ground a camera can see: a wedge of {@code range} metres per direction, {@code fieldOfView}
 * degrees wide, or a disc when the camera sees all around (360°) or its direction is unknown
 * (then it may be looking anywhere, and a passer-by should assume it is).
 *
 * <p>Vertices are placed in metres on a plane tangent to the Earth at the camera, then turned into
 * degrees with the length of a degree at that latitude. Within the 500 m a camera may reach, this
 * differs from the geodesic by less than a millimetre, and it is cheap enough for bulk imports.
 */
public final class FieldOfViewArea {

    /** How far an edge may cut inside the true arc, in metres: finer than a volunteer can place a camera. */
    private static final double SAGITTA_M = 0.25;
    private static final double MIN_STEP = 3;
    private static final double MAX_STEP = 10;

    private FieldOfViewArea() {
    }

    public static Geometry of(double lon, double lat, int[] directions, int fieldOfView, int range) {
        if (fieldOfView >= 360 || directions.length == 0) {
            return disc(lon, lat, range);
        }
        Polygon[] wedges = new Polygon[directions.length];
        for (int i = 0; i < wedges.length; i++) {
            wedges[i] = wedge(lon, lat, directions[i], fieldOfView, range);
        }
        return Geometries.union(wedges);
    }

    static Polygon disc(double lon, double lat, int range) {
        Metres m = new Metres(lon, lat);
        int vertices = (int) Math.ceil(360 / arcStep(range));
        Coordinate[] ring = new Coordinate[vertices + 1];
        for (int i = 0; i < vertices; i++) {
            double bearing = 2 * Math.PI * i / vertices;
            ring[i] = m.at(range * Math.sin(bearing), range * Math.cos(bearing));
        }
        ring[vertices] = ring[0];
        return Geometries.ring(ring);
    }

    /** Degrees between vertices: the longer the range, the closer, so that edges stay within {@link #SAGITTA_M}. */
    static double arcStep(int range) {
        double step = Math.toDegrees(2 * Math.acos(1 - SAGITTA_M / range));
        return Math.max(MIN_STEP, Math.min(MAX_STEP, step));
    }

    static Polygon wedge(double lon, double lat, int direction, int fieldOfView, int range) {
        Metres m = new Metres(lon, lat);
        int steps = Math.max(1, (int) Math.ceil(fieldOfView / arcStep(range)));
        Coordinate[] ring = new Coordinate[steps + 3];
        ring[0] = new Coordinate(lon, lat);
        double start = direction - fieldOfView / 2.0;
        for (int i = 0; i <= steps; i++) {
            double bearing = Math.toRadians(start + fieldOfView * (double) i / steps);
            ring[i + 1] = m.at(range * Math.sin(bearing), range * Math.cos(bearing));
        }
        ring[steps + 2] = ring[0];
        return Geometries.ring(ring);
    }

    /** Converts east/north offsets in metres around one point into longitude and latitude. */
    private record Metres(double lon, double lat, double degLatPerMetre, double degLonPerMetre) {

        Metres(double lon, double lat) {
            this(lon, lat, Math.toDegrees(1 / Geodesy.EARTH_RADIUS_M),
                    Math.toDegrees(1 / (Geodesy.EARTH_RADIUS_M * Math.max(1e-9, Math.cos(Math.toRadians(lat))))));
        }

        Coordinate at(double east, double north) {
            return new Coordinate(lon + east * degLonPerMetre, lat + north * degLatPerMetre);
        }
    }
}
