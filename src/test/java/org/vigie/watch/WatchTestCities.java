package org.vigie.watch;

import org.vigie.support.Api;
import org.vigie.support.Sql;

/** A small square city of its own per test, around a fresh spot, so that its figures are the test's alone. */
public final class WatchTestCities {

    private WatchTestCities() {
    }

    /** Makes the city (about 2 km across) and answers {code, lon, lat of its middle}. */
    public static Object[] city(Sql sql, String name) {
        double[] spot = Api.freshSpot();
        String code = "T17" + Long.toString(System.nanoTime(), 36);
        double w = spot[0] - 0.01, e = spot[0] + 0.01, s = spot[1] - 0.01, n = spot[1] + 0.01;
        String square = String.format(java.util.Locale.ROOT, "MULTIPOLYGON(((%f %f,%f %f,%f %f,%f %f,%f %f)))",
                w, s, e, s, e, n, w, n, w, s);
        sql.update("INSERT INTO city (code, name, name_key, boundary, area_km2) VALUES (?, ?, lower(?), "
                + "ST_GeomFromText(?, 4326), ST_Area(ST_GeomFromText(?, 4326)::geography) / 1e6)", code, name, name, square, square);
        return new Object[] {code, spot[0], spot[1]};
    }
}
