package org.vigie.common.query;

import java.util.Optional;

/** A point given in a query as {@code lon,lat} in degrees ({@code at=}, {@code near=}): read one way everywhere. */
public final class LonLat {

    private LonLat() {
    }

    /** {lon, lat} when {@code raw} is two finite numbers within -180..180 and -90..90; empty otherwise (null too). */
    public static Optional<double[]> parse(String raw) {
        String[] parts = raw == null ? new String[0] : raw.split(",", -1);
        try {
            if (parts.length == 2) {
                double lon = Double.parseDouble(parts[0].strip());
                double lat = Double.parseDouble(parts[1].strip());
                if (Double.isFinite(lon) && Double.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90) {
                    return Optional.of(new double[] {lon, lat});
                }
            }
        } catch (NumberFormatException ignored) {
            // not a number: empty
        }
        return Optional.empty();
    }
}
