package org.vigie.site.plan;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.vigie.common.problem.ProblemException;

import java.util.Locale;

/**
 * Where a plan lies on the map: its west, south, east and north edges in degrees (a Leaflet
 * imageOverlay's bounds). On the wire, {@code [west, south, east, north]} as a bbox.
 */
public record PlanBounds(double west, double south, double east, double north) {

    /** A building's plan, not a district's: about 5 km at most on each side. */
    public static final double MAX_SPAN_DEGREES = 0.05;
    /** The width given to a plan placed at a site without outline, in metres. */
    static final double DEFAULT_WIDTH_M = 40;
    private static final double METRES_PER_DEGREE_LAT = 110_574;
    private static final double METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320;

    /** The bounds, or a 400 naming {@code field} with what is wrong. */
    public static PlanBounds of(double[] values, String field) {
        if (values == null || values.length != 4) {
            throw ProblemException.invalid(field, "must be four numbers: west, south, east, north (degrees)");
        }
        PlanBounds b = new PlanBounds(values[0], values[1], values[2], values[3]);
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw ProblemException.invalid(field, "must be four finite numbers");
            }
        }
        if (b.west < -180 || b.east > 180 || b.south < -90 || b.north > 90) {
            throw ProblemException.invalid(field, "longitudes from -180 to 180, latitudes from -90 to 90");
        }
        if (b.west >= b.east || b.south >= b.north) {
            throw ProblemException.invalid(field, "west must be less than east and south less than north");
        }
        if (b.east - b.west > MAX_SPAN_DEGREES || b.north - b.south > MAX_SPAN_DEGREES) {
            throw ProblemException.invalid(field, "a floor plan spans at most " + MAX_SPAN_DEGREES + " degrees each way");
        }
        return b;
    }

    /** "west,south,east,north", as a multipart field sends it. */
    public static PlanBounds parse(String text, String field) {
        String[] parts = text.split(",");
        double[] values = new double[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                values[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be four numbers: west, south, east, north (degrees)");
        }
        return of(values, field);
    }

    /**
     * Where a new plan goes when its uploader did not say: over the site's outline, as large as fits
     * with the image's proportions, or else 40 m wide, centred on the site's point.
     */
    static PlanBounds around(Point position, Polygon outline, int width, int height) {
        double ratio = (double) height / width;
        double centreLon;
        double centreLat;
        double widthM;
        double heightM;
        if (outline != null) {
            Envelope e = outline.getEnvelopeInternal();
            centreLon = (e.getMinX() + e.getMaxX()) / 2;
            centreLat = (e.getMinY() + e.getMaxY()) / 2;
            double outlineW = e.getWidth() * metresPerDegreeLon(centreLat);
            double outlineH = e.getHeight() * METRES_PER_DEGREE_LAT;
            widthM = outlineW * ratio <= outlineH ? outlineW : outlineH / ratio;
            heightM = widthM * ratio;
        } else {
            centreLon = position.getX();
            centreLat = position.getY();
            widthM = DEFAULT_WIDTH_M;
            heightM = widthM * ratio;
        }
        double halfLon = Math.min(widthM / 2 / metresPerDegreeLon(centreLat), MAX_SPAN_DEGREES / 2);
        double halfLat = Math.min(heightM / 2 / METRES_PER_DEGREE_LAT, MAX_SPAN_DEGREES / 2);
        return new PlanBounds(round(centreLon - halfLon), round(centreLat - halfLat), round(centreLon + halfLon),
                round(centreLat + halfLat));
    }

    public double[] toArray() {
        return new double[] {west, south, east, north};
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%f,%f,%f,%f", west, south, east, north);
    }

    private static double metresPerDegreeLon(double lat) {
        return METRES_PER_DEGREE_LON_AT_EQUATOR * Math.max(0.01, Math.cos(Math.toRadians(lat)));
    }

    /** To the centimetre: the seventh decimal. */
    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
