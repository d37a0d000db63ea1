package org.vigie.common.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.List;

/**
 * A GeoJSON (RFC 7946) geometry for the wire: JTS geometries never reach Jackson directly.
 * Coordinates are [longitude, latitude], rounded to 7 decimals (about 1 cm).
 */
public record GeoJsonGeometry(String type, Object coordinates) {

    public static GeoJsonGeometry of(Geometry geometry) {
        if (geometry instanceof Point p) {
            return new GeoJsonGeometry("Point", position(p.getCoordinate()));
        }
        if (geometry instanceof Polygon p) {
            return new GeoJsonGeometry("Polygon", rings(p));
        }
        if (geometry instanceof MultiPolygon mp) {
            List<Object> polygons = new ArrayList<>();
            for (int i = 0; i < mp.getNumGeometries(); i++) {
                polygons.add(rings((Polygon) mp.getGeometryN(i)));
            }
            return new GeoJsonGeometry("MultiPolygon", polygons);
        }
        throw new IllegalArgumentException("no GeoJSON mapping for " + geometry.getGeometryType());
    }

    private static List<List<double[]>> rings(Polygon polygon) {
        List<List<double[]>> rings = new ArrayList<>();
        rings.add(line(polygon.getExteriorRing()));
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            rings.add(line(polygon.getInteriorRingN(i)));
        }
        return rings;
    }

    private static List<double[]> line(LineString line) {
        List<double[]> positions = new ArrayList<>(line.getNumPoints());
        for (Coordinate c : line.getCoordinates()) {
            positions.add(position(c));
        }
        return positions;
    }

    private static double[] position(Coordinate c) {
        return new double[] {round(c.x), round(c.y)};
    }

    private static double round(double degrees) {
        return CoordinateText.tenMillionths(degrees) / 1e7;
    }
}
