package org.vigie.importer.list;

/**
 * Lambert-93 (EPSG:2154, the French official projection, common in French open data) to longitude
 * and latitude (RGF93, the same as WGS 84 to well under a metre), by IGN's inverse of the conformal
 * conic projection (note ALG0004 with the constants of Lambert-93). Checked against PostGIS's
 * ST_Transform to the centimetre in the tests.
 */
public final class Lambert93 {

    private static final double N = 0.7256077650532670;
    private static final double C = 11754255.4261;
    private static final double XS = 700000.0;
    private static final double YS = 12655612.0499;
    /** First eccentricity of the GRS 80 ellipsoid. */
    private static final double E = 0.0818191910428158;
    private static final double LON0 = Math.toRadians(3.0);

    private Lambert93() {
    }

    /** {lon, lat} in degrees for easting {@code x} and northing {@code y} in metres. */
    public static double[] toLonLat(double x, double y) {
        double dx = x - XS;
        double dy = y - YS;
        double r = Math.hypot(dx, dy);
        double gamma = Math.atan(dx / -dy);
        double lon = LON0 + gamma / N;
        double isometric = -Math.log(Math.abs(r / C)) / N;
        double lat = 2 * Math.atan(Math.exp(isometric)) - Math.PI / 2;
        for (int i = 0; i < 20; i++) {
            double s = E * Math.sin(lat);
            double next = 2 * Math.atan(Math.pow((1 + s) / (1 - s), E / 2) * Math.exp(isometric)) - Math.PI / 2;
            if (Math.abs(next - lat) < 1e-12) {
                lat = next;
                break;
            }
            lat = next;
        }
        return new double[] {Math.toDegrees(lon), Math.toDegrees(lat)};
    }
}
