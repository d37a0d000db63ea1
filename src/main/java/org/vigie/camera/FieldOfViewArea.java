package org.vigie.camera;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.vigie.common.geo.Geodesy;
import org.vigie.common.geo.Geometries;

import java.util.ArrayList;
import java.util.List;

/**
 * The ground a camera can see: a wedge of {@code range} metres per direction, {@code fieldOfView}
 * degrees wide, or a disc when the camera sees all around (360°) or its direction is unknown
 * (then it may be looking anywhere, and a passer-by should assume it is). Vertices are computed
 * in metres on the ground, never by treating degrees as metres.
 */
public final class FieldOfViewArea {

    /** Degrees between two vertices along an arc: fine enough for a smooth edge, small enough to store. */
    private static final double ARC_STEP = 5;

    private FieldOfViewArea() {
    }

    public static Geometry of(double lon, double lat, List<Integer> directions, int fieldOfView, int range) {
        if (fieldOfView >= 360 || directions.isEmpty()) {
            return disc(lon, lat, range);
        }
        Polygon[] wedges = directions.stream()
                .map(direction -> wedge(lon, lat, direction, fieldOfView, range))
                .toArray(Polygon[]::new);
        return Geometries.union(wedges);
    }

    static Polygon disc(double lon, double lat, int range) {
        List<Coordinate> ring = new ArrayList<>();
        for (double bearing = 0; bearing < 360; bearing += ARC_STEP) {
            ring.add(at(lon, lat, bearing, range));
        }
        ring.add(ring.get(0));
        return Geometries.ring(ring.toArray(Coordinate[]::new));
    }

    static Polygon wedge(double lon, double lat, int direction, int fieldOfView, int range) {
        List<Coordinate> ring = new ArrayList<>();
        Coordinate apex = new Coordinate(lon, lat);
        ring.add(apex);
        double start = direction - fieldOfView / 2.0;
        int steps = Math.max(1, (int) Math.ceil(fieldOfView / ARC_STEP));
        for (int i = 0; i <= steps; i++) {
            ring.add(at(lon, lat, start + fieldOfView * (double) i / steps, range));
        }
        ring.add(apex);
        return Geometries.ring(ring.toArray(Coordinate[]::new));
    }

    private static Coordinate at(double lon, double lat, double bearing, double distance) {
        double[] p = Geodesy.destination(lon, lat, bearing, distance);
        return new Coordinate(p[0], p[1]);
    }
}
