import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The benchmark behind BENCHMARKS.md, run by bench/city-stats.sh (which starts the app):
 *  1. GET /api/cities/{code}/stats on a city holding 100,000 cameras, against the same
 *     statement (src/main/resources/sql/city-stats.sql) run as raw SQL over JDBC, in the same run;
 *  2. the CSV export of that city, against reading the same rows raw;
 *  3. the cost of the city trigger on a bulk insert (JDBC batch), with it against without it.
 *
 * Usage: java -cp postgresql.jar bench/CityStatsBench.java JDBC_URL USER PASSWORD APP_URL
 */
public class CityStatsBench {

    static final String CITY = "69123";
    static final int CAMERAS = 100_000;
    static final int RUNS = 30;
    static final int INSERTS = 20_000;

    public static void main(String[] args) throws Exception {
        String sql = Files.readString(Path.of("src/main/resources/sql/city-stats.sql"));
        try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
            try (Statement utc = db.createStatement()) {
                utc.execute("SET TimeZone = 'UTC'");
            }
            fill(db);
            HttpClient http = HttpClient.newHttpClient();
            URI stats = URI.create(args[3] + "/api/cities/" + CITY + "/stats");
            for (int i = 0; i < 5; i++) {
                api(http, stats);
                raw(db, sql);
            }
            List<Double> apiTimes = new ArrayList<>();
            List<Double> rawTimes = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                apiTimes.add(api(http, stats));
                rawTimes.add(raw(db, sql));
            }
            System.out.printf("stats of a city with %,d cameras, %d runs each, alternating:%n", CAMERAS, RUNS);
            System.out.printf("  raw SQL (JDBC)          median %6.1f ms   p95 %6.1f ms   max %6.1f ms%n",
                    pct(rawTimes, 50), pct(rawTimes, 95), pct(rawTimes, 100));
            System.out.printf("  GET .../stats (HTTP)    median %6.1f ms   p95 %6.1f ms   max %6.1f ms%n",
                    pct(apiTimes, 50), pct(apiTimes, 95), pct(apiTimes, 100));
            System.out.printf("  ratio endpoint / raw SQL (median) %.2f; goal: endpoint p95 <= 200 ms: %s%n",
                    pct(apiTimes, 50) / pct(rawTimes, 50), pct(apiTimes, 95) <= 200 ? "met" : "NOT MET");
            exportCost(db, http, URI.create(args[3] + "/api/cameras/export?format=csv&city=" + CITY));
            triggerCost(db);
        }
    }

    /** 100,000 visible cameras inside the city, with varied attributes, made once and kept. */
    static void fill(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            ResultSet r = s.executeQuery("SELECT count(*) FROM camera WHERE source = 'bench' AND visible AND city_code = '" + CITY + "'");
            r.next();
            if (r.getLong(1) == CAMERAS) {
                return;
            }
            System.out.printf("generating %,d cameras in %s...%n", CAMERAS, CITY);
            s.execute("DELETE FROM camera WHERE source = 'bench'");
            s.execute("""
                    INSERT INTO camera (position, kind, camera_type, field_of_view, range_m, filmed_area, zone,
                                        capabilities, films_workstations, operator, operator_type, signage, status,
                                        source, source_id, created_at, updated_at)
                    SELECT p,
                           (ARRAY['camera','camera','camera','alpr','webcam','guard','other'])[1 + i % 7],
                           (ARRAY['fixed','dome','panning','unknown'])[1 + i % 4], 60, 30,
                           (ARRAY['public','outdoor','indoor','unknown'])[1 + i % 4],
                           (ARRAY['traffic','parking','town','shop','building','bank','transport','school','workplace','other','unknown'])[1 + i % 11],
                           CASE i % 4 WHEN 0 THEN ARRAY[]::text[] WHEN 1 THEN ARRAY['zoom']
                                      WHEN 2 THEN ARRAY['ptz','audio'] ELSE ARRAY['infrared','alpr','zoom'] END,
                           (ARRAY['yes','no','unknown'])[1 + i % 3],
                           CASE WHEN i % 5 = 0 THEN NULL ELSE 'Opérateur ' || (i * 7919 % 300) END,
                           (ARRAY['public','private','unknown'])[1 + i % 3],
                           (ARRAY['present','absent','unknown'])[1 + i % 3],
                           (ARRAY['reported','verified','disputed','removed'])[1 + i % 4],
                           'bench', 'bench-' || i, now() - (i % 730) * interval '1 day', now()
                    FROM (SELECT row_number() OVER () AS i, p
                          FROM (SELECT ST_SetSRID(ST_MakePoint(
                                           ST_XMin(b) + random() * (ST_XMax(b) - ST_XMin(b)),
                                           ST_YMin(b) + random() * (ST_YMax(b) - ST_YMin(b))), 4326) AS p, c.boundary
                                FROM city c, LATERAL (SELECT c.boundary::box2d AS b) AS box, generate_series(1, 400000)
                                WHERE c.code = '69123') AS candidates
                          WHERE ST_Intersects(boundary, p)
                          LIMIT 100000) AS points""");
            s.execute("VACUUM ANALYZE camera");
        }
    }

    static double api(HttpClient http, URI uri) throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
        double ms = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("stats answered " + response.statusCode() + ": " + new String(response.body()));
        }
        return ms;
    }

    static double raw(Connection db, String sql) throws Exception {
        long start = System.nanoTime();
        long total = 0;
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, CITY);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    total += r.getString("grouping_set").equals("total") ? r.getLong("n") : 0;
                }
            }
        }
        if (total != CAMERAS) {
            throw new IllegalStateException("the raw statement counted " + total + " cameras");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /**
     * The CSV export of the whole city through the endpoint (the app runs with a small heap, see
     * city-stats.sh: a list of 100,000 entities would not fit), against reading the same rows raw
     * over a JDBC cursor.
     */
    static void exportCost(Connection db, HttpClient http, URI export) throws Exception {
        double endpoint = Double.MAX_VALUE;
        double raw = Double.MAX_VALUE;
        long lines = 0;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            HttpResponse<java.util.stream.Stream<String>> response = http.send(HttpRequest.newBuilder(export).build(),
                    HttpResponse.BodyHandlers.ofLines());
            lines = response.body().count();
            endpoint = Math.min(endpoint, (System.nanoTime() - start) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("export answered " + response.statusCode());
            }
            raw = Math.min(raw, rawSelection(db));
        }
        System.out.printf("CSV export of the %,d cameras (best of 3; %,d lines received):%n", CAMERAS, lines);
        System.out.printf("  raw SQL, every column through a JDBC cursor  %6.0f ms%n", raw);
        System.out.printf("  GET /api/cameras/export?format=csv           %6.0f ms   ratio %.2f%n", endpoint, endpoint / raw);
    }

    static double rawSelection(Connection db) throws Exception {
        db.setAutoCommit(false);
        long start = System.nanoTime();
        try (PreparedStatement s = db.prepareStatement(
                "SELECT *, ST_X(position), ST_Y(position) FROM camera WHERE city_code = ? AND visible ORDER BY id")) {
            s.setFetchSize(1000);
            s.setString(1, CITY);
            try (ResultSet r = s.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    for (int i = 1; i <= columns; i++) {
                        r.getString(i);
                    }
                }
            }
            return (System.nanoTime() - start) / 1e6;
        } finally {
            db.commit();
            db.setAutoCommit(true);
        }
    }

    /** A JDBC batch insert of 20,000 cameras in the city, with the trigger and without it; rolled back. */
    static void triggerCost(Connection db) throws Exception {
        double with = 0;
        double without = 0;
        for (int round = 0; round < 3; round++) {
            with += insertBatch(db, true);
            without += insertBatch(db, false);
        }
        System.out.printf("bulk insert of %,d cameras by JDBC batch (3 rounds each, rolled back):%n", INSERTS);
        System.out.printf("  without the city trigger  %6.0f ms (%,.0f rows/s)%n", without / 3, INSERTS / (without / 3 / 1000));
        System.out.printf("  with the city trigger     %6.0f ms (%,.0f rows/s)%n", with / 3, INSERTS / (with / 3 / 1000));
        System.out.printf("  ratio with / without %.2f%n", with / without);
        // The rolled-back rows leave dead tuples behind: clean up for the next run.
        try (Statement s = db.createStatement()) {
            s.execute("VACUUM ANALYZE camera");
        }
    }

    static double insertBatch(Connection db, boolean trigger) throws Exception {
        db.setAutoCommit(false);
        Random random = new Random(42);
        try (Statement s = db.createStatement();
             PreparedStatement insert = db.prepareStatement("""
                     INSERT INTO camera (position, field_of_view, range_m, source, source_id)
                     VALUES (ST_SetSRID(ST_MakePoint(?, ?), 4326), 60, 30, 'bench-insert', ?)""")) {
            if (!trigger) {
                s.execute("ALTER TABLE camera DISABLE TRIGGER camera_assign_city");
            }
            long start = System.nanoTime();
            for (int i = 0; i < INSERTS; i++) {
                double lon = 4.80 + random.nextDouble() * 0.08;
                double lat = 45.72 + random.nextDouble() * 0.07;
                insert.setDouble(1, lon);
                insert.setDouble(2, lat);
                insert.setString(3, "i" + i);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            return (System.nanoTime() - start) / 1e6;
        } finally {
            db.rollback();
            db.setAutoCommit(true);
        }
    }

    static double pct(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
