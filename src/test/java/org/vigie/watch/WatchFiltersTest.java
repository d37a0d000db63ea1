package org.vigie.watch;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 17: the search by the day a camera was first seen ({@code firstSeenFrom}, {@code firstSeenTo},
 * a day, a month or a year, both ends included) and by what its sign says ({@code signNamesOperator},
 * {@code signGivesContact}), the same on the search, the export, the city's statistics and the
 * clusters; a bad value is a 400 naming the parameter.
 */
@QuarkusTest
class WatchFiltersTest {

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    private static long camera(double lon, double lat, String firstSeen, String names, String contact) {
        Map<String, Object> p = new HashMap<>(Map.of("operatorType", "public", "filmedArea", "public"));
        if (firstSeen != null) {
            p.put("firstSeen", firstSeen);
        }
        if (names != null) {
            p.putAll(Map.of("signage", "present", "signNamesOperator", names, "signGivesContact", contact));
        }
        return Api.create(lon, lat, p);
    }

    /** The ids the search finds in the city with these filters, sorted. */
    private static List<Long> found(String code, Map<String, String> filters) {
        return given().queryParam("city", code).queryParams(filters).get("/api/cameras").then().statusCode(200)
                .extract().jsonPath().getList("features.id", Long.class).stream().sorted().toList();
    }

    private static List<Long> ids(long... ids) {
        return java.util.Arrays.stream(ids).sorted().boxed().toList();
    }

    @Test
    void theTrueDateAndTheSignsWordsFilterTheSearchTheExportTheFiguresAndTheClusters() {
        Object[] city = WatchTestCities.city(sql, "Filtreville");
        String code = (String) city[0];
        double lon = (Double) city[1];
        double lat = (Double) city[2];
        long a = camera(lon + 0.001, lat, "2012-03-01", "no", "no");
        long b = camera(lon + 0.002, lat, "2014-12-31", "yes", "no");
        long c = camera(lon + 0.003, lat, "2015-01-01", "no", "yes");
        long d = camera(lon + 0.004, lat, null, null, null);
        sql.update("UPDATE camera SET first_seen = NULL WHERE id = ?", d); // as an import no source dates
        long e = camera(lon + 0.005, lat, "2020-06-01", "unknown", "unknown");

        assertEquals(ids(a, b, c, d, e), found(code, Map.of()));
        assertEquals(ids(a, b), found(code, Map.of("firstSeenTo", "2014")), "before 2015; the undated camera is left out");
        assertEquals(ids(c, e), found(code, Map.of("firstSeenFrom", "2015")));
        assertEquals(ids(b, c), found(code, Map.of("firstSeenFrom", "2014-12", "firstSeenTo", "2015-01-01")));
        assertEquals(ids(a), found(code, Map.of("firstSeenFrom", "2012-03-01", "firstSeenTo", "2012-03-01")));
        assertEquals(ids(a, c), found(code, Map.of("signNamesOperator", "no")));
        assertEquals(ids(a), found(code, Map.of("signNamesOperator", "no", "firstSeenTo", "2014")));
        assertEquals(ids(c, d, e), found(code, Map.of("signGivesContact", "yes,unknown", "signNamesOperator", "no,unknown")));
        // a camera without a sign says nothing: its words are unknown
        assertEquals(ids(d, e), found(code, Map.of("signNamesOperator", "unknown")));

        // the export of that view holds the same cameras
        List<Long> exported = given().queryParam("format", "geojson").queryParam("city", code)
                .queryParam("signNamesOperator", "no").queryParam("firstSeenTo", "2014").get("/api/cameras/export")
                .then().statusCode(200).extract().jsonPath().getList("features.id", Long.class);
        assertEquals(ids(a), exported);
        String csv = given().queryParam("format", "csv").queryParam("city", code).queryParam("firstSeenFrom", "2015")
                .get("/api/cameras/export").then().statusCode(200).extract().asString();
        assertEquals(3, csv.lines().filter(line -> !line.isBlank()).count(), csv); // the header and two cameras

        // the city's figures of that selection, and the map's counts zoomed out (no stored aggregate knows these)
        given().queryParam("firstSeenTo", "2014").get("/api/cities/{code}/stats", code).then().statusCode(200)
                .body("total", equalTo(2))
                .body("firstSeenUnknown", equalTo(0));
        given().queryParam("signNamesOperator", "no").get("/api/cities/{code}/stats", code).then().body("total", equalTo(2));
        for (int zoom : new int[] {6, 16}) {
            given().queryParam("bbox", Api.bboxAround(new double[] {lon, lat}, 0.05)).queryParam("zoom", zoom)
                    .queryParam("signNamesOperator", "no").get("/api/cameras/clusters").then().statusCode(200)
                    .body("count", equalTo(2));
        }
    }

    @Test
    void aBadDateOrSignValueIsRefusedNamingTheParameter() {
        String bbox = "5.70,45.17,5.75,45.20";
        Stream.of("14/07/2014", "2014-7", "2015-02-30", "2015-13", "soon").forEach(bad ->
                given().queryParam("bbox", bbox).queryParam("firstSeenFrom", bad).get("/api/cameras").then().statusCode(400)
                        .contentType(Api.PROBLEM).body("errors[0].field", equalTo("firstSeenFrom"))
                        .body("errors[0].reason", containsString("yyyy-mm-dd")));
        given().queryParam("bbox", bbox).queryParam("firstSeenFrom", "2016").queryParam("firstSeenTo", "2015")
                .get("/api/cameras").then().statusCode(400).body("errors[0].field", equalTo("firstSeenTo"));
        given().queryParam("bbox", bbox).queryParam("signNamesOperator", "maybe").get("/api/cameras/export?format=csv")
                .then().statusCode(400).body("errors[0].field", equalTo("signNamesOperator"))
                .body("errors[0].reason", containsString("yes, no, unknown"));
        given().header("Accept-Language", "fr").queryParam("bbox", bbox).queryParam("firstSeenTo", "juillet")
                .get("/api/cameras").then().statusCode(400)
                .body("errors[0].reason", equalTo("doit être un jour (aaaa-mm-jj), un mois (aaaa-mm) ou une année (aaaa), pas « juillet »"));
    }
}
