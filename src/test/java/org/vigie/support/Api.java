package org.vigie.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.parsing.Parser;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Helpers shared by the HTTP tests: GeoJSON bodies, a fresh patch of the world per test, camera creation. */
public final class Api {

    public static final String GEOJSON = "application/geo+json";
    public static final String PROBLEM = "application/problem+json";

    static {
        RestAssured.registerParser(GEOJSON, Parser.JSON);
        RestAssured.registerParser(PROBLEM, Parser.JSON);
        // Every request of the suite comes from the loopback, over IPv4 or IPv6: no table may hold it.
        Secrets.address("127.0.0.1");
        Secrets.address("0:0:0:0:0:0:0:1");
        Secrets.address("::1");
    }

    private Api() {
    }

    /** Makes sure the parsers are registered before a test class sends its first request. */
    public static void init() {
        // the static block above does the work
    }

    /** An anonymous JSON request: reads need no account. */
    public static RequestSpecification json() {
        return given().contentType(ContentType.JSON);
    }

    /** A JSON request by the shared volunteer account ({@link Accounts#volunteer()}): writes need an account. */
    public static RequestSpecification asVolunteer() {
        return Accounts.volunteer().request();
    }

    /** A feature at (lon, lat) with the given properties. */
    public static Map<String, Object> feature(double lon, double lat, Map<String, ?> properties) {
        Map<String, Object> feature = new HashMap<>();
        feature.put("type", "Feature");
        feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(lon, lat)));
        feature.put("properties", properties);
        return feature;
    }

    /**
     * Adds a camera as the shared volunteer. Tests place cameras close together on purpose, so the
     * duplicate warning is confirmed here; {@code DuplicateWarningTest} checks the warning itself.
     */
    public static long create(double lon, double lat, Map<String, ?> properties) {
        return asVolunteer().queryParam("confirmDuplicate", "true").body(feature(lon, lat, properties))
                .post("/api/cameras")
                .then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** The shared volunteer replaces a camera seen at {@code version} with a feature at (lon, lat); answers the new version. */
    public static int update(long id, int version, double lon, double lat, Map<String, ?> properties) {
        return asVolunteer().header("If-Match", "\"" + version + "\"").body(feature(lon, lat, properties))
                .put("/api/cameras/" + id)
                .then().statusCode(200)
                .extract().jsonPath().getInt("properties.version");
    }

    /** The shared moderator deletes a camera seen at {@code version} (any camera, whoever added it). */
    public static void delete(long id, int version) {
        Accounts.moderator().authorized().header("If-Match", "\"" + version + "\"").delete("/api/cameras/" + id).then().statusCode(204);
    }

    /** West and south edges of 4° squares, in a random order, none touching the fixed test data. */
    private static final List<double[]> SQUARES = squares();
    private static final AtomicInteger NEXT_SQUARE = new AtomicInteger();

    /**
     * A random spot that no other call of this run comes near: tests share one database, and what
     * one writes around its spot (up to half a degree away, and views of up to about 1.4° around it
     * at low zoom) must never fall in another's view. Each call takes the next 4° square (in a
     * random order; over 2,000 of them) and a spot in its middle degree, so two spots are at least
     * 3° apart; the squares keep away from the fixed data of other tests (France with Monaco,
     * the Virginia campus, the made-up boundaries at -30° longitude, the meridian). Rounded to 6 decimals so that
     * the coordinates the server answers (7 decimals) parse to the same float as the spot: a raw
     * random double could round either way and make a test fail one run in a few hundred.
     */
    public static double[] freshSpot() {
        int next = NEXT_SQUARE.getAndIncrement();
        if (next >= SQUARES.size()) {
            throw new IllegalStateException("the " + SQUARES.size() + " squares of freshSpot are all taken: make them smaller");
        }
        double[] square = SQUARES.get(next);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new double[] {sixDecimals(square[0] + random.nextDouble(1.5, 2.5)), sixDecimals(square[1] + random.nextDouble(1.5, 2.5))};
    }

    private static List<double[]> squares() {
        // west, south, east, north; the Greenwich meridian too, where tests write exponent-notation longitudes
        double[][] fixedData = {{-6, 41, 10, 52}, {-81, 36, -79, 38}, {-31, 39, -29, 45}, {-4, -60, 4, 60}};
        List<double[]> squares = new ArrayList<>();
        for (double west = -168; west + 4 <= 168; west += 4) {
            for (double south = -60; south + 4 <= 60; south += 4) {
                double w = west;
                double so = south;
                boolean clear = Arrays.stream(fixedData).noneMatch(b -> w < b[2] && b[0] < w + 4 && so < b[3] && b[1] < so + 4);
                if (clear) {
                    squares.add(new double[] {west, south});
                }
            }
        }
        Collections.shuffle(squares);
        return List.copyOf(squares);
    }

    private static double sixDecimals(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    /** The bbox parameter for a square of {@code halfSideDeg} around a spot. */
    public static String bboxAround(double[] spot, double halfSideDeg) {
        return (spot[0] - halfSideDeg) + "," + (spot[1] - halfSideDeg) + ","
                + (spot[0] + halfSideDeg) + "," + (spot[1] + halfSideDeg);
    }
}
