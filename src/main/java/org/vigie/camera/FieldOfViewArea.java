package org.vigie.camera;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.vigie.common.geo.Geodesy;
import org.vigie.common.geo.Geometries;

import java.util.List;

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

    /** Degrees between two vertices along an arc: a smooth edge (under 1 % off the true arc), small to store. */
    private static final double ARC_STEP = 5;
    private static final int DISC_VERTICES = (int) (360 / ARC_STEP);
    private static final double[] DISC_SIN = new double[DISC_VERTICES];
    private static final double[] DISC_COS = new double[DISC_VERTICES];

    static {
        for (int i = 0; i < DISC_VERTICES; i++) {
            DISC_SIN[i] = Math.sin(Math.toRadians(i * ARC_STEP));
            DISC_COS[i] = Math.cos(Math.toRadians(i * ARC_STEP));
        }
    }

    private FieldOfViewArea() {
    }

    public static Geometry of(double lon, double lat, List<Integer> directions, int fieldOfView, int range) {
        if (fieldOfView >= 360 || directions.isEmpty()) {
            return disc(lon, lat, range);
        }
        Polygon[] wedges = new Polygon[directions.size()];
        for (int i = 0; i < wedges.length; i++) {
            wedges[i] = wedge(lon, lat, directions.get(i), fieldOfView, range);
        }
        return Geometries.union(wedges);
    }

    static Polygon disc(double lon, double lat, int range) {
        Metres m = new Metres(lon, lat);
        Coordinate[] ring = new Coordinate[DISC_VERTICES + 1];
        for (int i = 0; i < DISC_VERTICES; i++) {
            ring[i] = m.at(range * DISC_SIN[i], range * DISC_COS[i]);
        }
        ring[DISC_VERTICES] = ring[0];
        return Geometries.ring(ring);
    }

    static Polygon wedge(double lon, double lat, int direction, int fieldOfView, int range) {
        Metres m = new Metres(lon, lat);
        int steps = Math.max(1, (int) Math.ceil(fieldOfView / ARC_STEP));
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
