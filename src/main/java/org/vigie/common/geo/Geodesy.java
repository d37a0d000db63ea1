package org.vigie.common.geo;

/**
 * Distances and bearings on the ground, on a sphere of the Earth's mean radius. Over the few
 * hundred metres a camera sees, the error against the WGS84 ellipsoid stays well under 0.5 %.
 */
public final class Geodesy {

    public static final double EARTH_RADIUS_M = 6_371_008.8;

    private Geodesy() {
    }

    /** The point reached from (lon, lat) going {@code distanceM} metres along {@code bearingDeg} (clockwise from north). */
    public static double[] destination(double lon, double lat, double bearingDeg, double distanceM) {
        double delta = distanceM / EARTH_RADIUS_M;
        double theta = Math.toRadians(bearingDeg);
        double phi1 = Math.toRadians(lat);
        double lambda1 = Math.toRadians(lon);
        double phi2 = Math.asin(Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta));
        double lambda2 = lambda1 + Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
                Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2));
        double lon2 = (Math.toDegrees(lambda2) + 540) % 360 - 180;
        return new double[] {lon2, Math.toDegrees(phi2)};
    }
}
