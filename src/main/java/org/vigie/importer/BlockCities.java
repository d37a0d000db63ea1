package org.vigie.importer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The city of each camera of a block, by the database's one rule (vigie_city_at), in one query per
 * block instead of one trigger call per row. COPY writes the cities found here while the
 * trigger stands aside (V8).
 */
final class BlockCities {

    private static final String STAND_ASIDE = "SELECT set_config('vigie.city_assigned', ?, true)";

    private final Connection connection;
    private final boolean anyCity;

    BlockCities(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT EXISTS (SELECT 1 FROM city)")) {
            r.next();
            anyCity = r.getBoolean(1);
        }
    }

    /** Whether {@link #of} asks the database (when it knows at least one city). */
    boolean queries() {
        return anyCity;
    }

    /** The cities of {@code cameras}, in their order; null outside every city. */
    String[] of(List<PreparedCamera> cameras) throws SQLException {
        String[] cities = new String[cameras.size()];
        if (!anyCity) {
            return cities;
        }
        Double[] lons = new Double[cities.length];
        Double[] lats = new Double[cities.length];
        for (int i = 0; i < cities.length; i++) {
            lons[i] = cameras.get(i).draft().lon();
            lats[i] = cameras.get(i).draft().lat();
        }
        try (PreparedStatement s = connection.prepareStatement("SELECT vigie_city_at(ST_SetSRID(ST_MakePoint(p.x, p.y), 4326)) "
                + "FROM unnest(?::float8[], ?::float8[]) WITH ORDINALITY AS p(x, y, i) ORDER BY p.i")) {
            Array x = connection.createArrayOf("float8", lons);
            Array y = connection.createArrayOf("float8", lats);
            s.setArray(1, x);
            s.setArray(2, y);
            try (ResultSet r = s.executeQuery()) {
                for (int i = 0; r.next(); i++) {
                    cities[i] = r.getString(1);
                }
            }
        }
        return cities;
    }

    /** Runs {@code copy}, whose rows carry their cities, with the city trigger standing aside. */
    void copyWithCities(SqlAction copy) throws SQLException {
        standAside("on");
        try {
            copy.run();
        } finally {
            standAside("off");
        }
    }

    private void standAside(String value) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(STAND_ASIDE)) {
            s.setString(1, value);
            s.execute();
        }
    }

    interface SqlAction {
        void run() throws SQLException;
    }
}
