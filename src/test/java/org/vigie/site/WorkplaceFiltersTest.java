package org.vigie.site;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workplace filters (zone, filmedArea, filmsWorkstations, capabilities, level, site) on every
 * endpoint that filters cameras, with a bbox, a city and both, each against a count made in SQL;
 * and unknown parameters or values refused by name.
 */
@QuarkusTest
class WorkplaceFiltersTest {

    private static final double BOX = 0.05;

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    /** A filter as the API takes it and the same condition in SQL, written apart. */
    private record Case(String param, String value, String condition) {
    }

    @Test
    void everyFilterOnEveryEndpointCountsWhatSqlCounts() {
        double[] spot = Api.freshSpot();
        String city = "W" + UUID.randomUUID().toString().substring(0, 8);
        sql.update("INSERT INTO city (code, name, name_key, boundary, area_km2)"
                + " VALUES (?, 'Atelierville', 'atelierville', ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(?, ?), 4326), 0.005)), 1)",
                city, spot[0], spot[1]);
        long site = Api.asVolunteer().body(Map.of("name", "Usine test", "geometry",
                        Map.of("type", "Point", "coordinates", List.of(spot[0], spot[1]))))
                .post("/api/sites").then().statusCode(201).extract().jsonPath().getLong("id");
        double in = 0.001;
        double out = 0.02; // outside the city, inside the box
        create(spot, 0, in, Map.of("zone", "workplace", "filmedArea", "indoor", "filmsWorkstations", "yes",
                "capabilities", List.of("zoom", "audio"), "level", "1", "site", site));
        create(spot, in, 0, Map.of("zone", "workplace", "filmedArea", "indoor", "filmsWorkstations", "no",
                "capabilities", List.of("zoom"), "level", "0", "site", site));
        create(spot, -in, 0, Map.of("zone", "shop", "filmedArea", "public", "capabilities", List.of("audio"), "level", "1"));
        create(spot, 0, -in, Map.of("zone", "workplace", "filmedArea", "outdoor", "filmsWorkstations", "yes"));
        create(spot, in, in, Map.of("zone", "traffic", "filmedArea", "public"));
        create(spot, out, 0, Map.of("zone", "workplace", "filmedArea", "indoor", "filmsWorkstations", "yes",
                "capabilities", List.of("audio"), "level", "1", "site", site));
        create(spot, -out, 0, Map.of("zone", "shop", "filmedArea", "indoor", "filmsWorkstations", "no",
                "capabilities", List.of("zoom"), "level", "0"));
        create(spot, 0, out, Map.of());

        List<List<Case>> cases = List.of(
                List.of(new Case("zone", "workplace", "zone = 'workplace'")),
                List.of(new Case("zone", "workplace,shop", "zone IN ('workplace', 'shop')")),
                List.of(new Case("filmedArea", "indoor", "filmed_area = 'indoor'")),
                List.of(new Case("filmsWorkstations", "yes", "films_workstations = 'yes'")),
                List.of(new Case("capabilities", "audio", "'audio' = ANY(capabilities)")),
                List.of(new Case("capabilities", "audio,zoom", "('audio' = ANY(capabilities) OR 'zoom' = ANY(capabilities))")),
                List.of(new Case("level", "1", "level = '1'")),
                List.of(new Case("site", String.valueOf(site), "site_id = " + site)),
                List.of(new Case("zone", "workplace", "zone = 'workplace'"),
                        new Case("capabilities", "audio", "'audio' = ANY(capabilities)"),
                        new Case("filmedArea", "indoor", "filmed_area = 'indoor'")));
        String bbox = Api.bboxAround(spot, BOX);
        String envelope = "position && ST_MakeEnvelope(" + (spot[0] - BOX) + ", " + (spot[1] - BOX) + ", "
                + (spot[0] + BOX) + ", " + (spot[1] + BOX) + ", 4326)";
        for (List<Case> filters : cases) {
            String conditions = String.join(" AND ", filters.stream().map(Case::condition).toList());
            long inBox = sql.count("SELECT count(*) FROM camera WHERE visible AND " + envelope + " AND " + conditions);
            long inCity = sql.count("SELECT count(*) FROM camera WHERE visible AND city_code = ? AND " + conditions, city);
            String label = filters.toString();
            assertTrue(inBox > 0 && inBox < 8, label + " keeps some of the eight cameras, not all: " + inBox);
            assertTrue(inCity < inBox, label + ": some kept cameras are outside the city");

            assertEquals(inBox, searchCount(filtered(filters).queryParam("bbox", bbox)), label + " /api/cameras bbox");
            assertEquals(inCity, searchCount(filtered(filters).queryParam("city", city)), label + " /api/cameras city");
            assertEquals(inCity, searchCount(filtered(filters).queryParam("city", city).queryParam("bbox", bbox)),
                    label + " /api/cameras city and bbox");
            assertEquals(inBox, searchCount(filtered(filters).queryParam("bbox", bbox).queryParam("view", "map")),
                    label + " /api/cameras view=map");
            assertEquals(inBox, clusterCount(filtered(filters).queryParam("bbox", bbox)), label + " clusters bbox");
            assertEquals(inCity, clusterCount(filtered(filters).queryParam("bbox", bbox).queryParam("city", city)),
                    label + " clusters city and bbox");
            assertEquals(inBox, exportCount(filtered(filters).queryParam("bbox", bbox)), label + " export bbox");
            assertEquals(inCity, exportCount(filtered(filters).queryParam("city", city)), label + " export city");
            assertEquals(inCity, exportCount(filtered(filters).queryParam("city", city).queryParam("bbox", bbox)),
                    label + " export city and bbox");
            assertEquals(inCity, filtered(filters).get("/api/cities/" + city + "/stats").then().statusCode(200)
                    .extract().jsonPath().getLong("total"), label + " city stats");
            assertEquals(inCity, filtered(filters).queryParam("bbox", bbox).get("/api/cities/" + city + "/stats")
                    .then().statusCode(200).extract().jsonPath().getLong("total"), label + " city stats and bbox");
        }
        // the site alone stands for the area
        assertEquals(3, searchCount(given().queryParam("site", site)));
        assertEquals(2, searchCount(given().queryParam("site", site).queryParam("filmsWorkstations", "yes")));
    }

    @Test
    void cityStatisticsCountByZoneWorkstationsCapabilityAndSiteFollowingTheFilters() {
        double[] spot = Api.freshSpot();
        String city = "S" + UUID.randomUUID().toString().substring(0, 8);
        sql.update("INSERT INTO city (code, name, name_key, boundary, area_km2)"
                + " VALUES (?, 'Bureauville', 'bureauville', ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(?, ?), 4326), 0.005)), 1)",
                city, spot[0], spot[1]);
        long site = Api.asVolunteer().body(Map.of("name", "Mairie test", "geometry",
                        Map.of("type", "Point", "coordinates", List.of(spot[0], spot[1]))))
                .post("/api/sites").then().statusCode(201).extract().jsonPath().getLong("id");
        create(spot, 0, 0.001, Map.of("zone", "workplace", "filmsWorkstations", "yes", "capabilities", List.of("audio", "zoom"), "site", site));
        create(spot, 0.001, 0, Map.of("zone", "workplace", "filmsWorkstations", "no", "capabilities", List.of("zoom"), "site", site));
        create(spot, -0.001, 0, Map.of("zone", "shop", "capabilities", List.of("audio")));

        given().get("/api/cities/" + city + "/stats").then().statusCode(200)
                .body("total", equalTo(3))
                .body("byZone.workplace", equalTo(2)).body("byZone.shop", equalTo(1))
                .body("byFilmsWorkstations.yes", equalTo(1)).body("byFilmsWorkstations.no", equalTo(1))
                .body("byFilmsWorkstations.unknown", equalTo(1))
                .body("byCapability.audio", equalTo(2)).body("byCapability.zoom", equalTo(2))
                .body("bySite", hasItem(Map.of("id", (int) site, "name", "Mairie test", "count", 2)));
        given().queryParam("capabilities", "audio").get("/api/cities/" + city + "/stats").then().statusCode(200)
                .body("total", equalTo(2))
                .body("byZone.workplace", equalTo(1)).body("byZone.shop", equalTo(1))
                .body("byCapability.zoom", equalTo(1))
                .body("bySite[0].count", equalTo(1));
    }

    @Test
    void unknownParametersAndValuesAreRefusedByNameOnEveryEndpoint() {
        double[] spot = Api.freshSpot();
        String bbox = Api.bboxAround(spot, BOX);
        String city = "U" + UUID.randomUUID().toString().substring(0, 8);
        sql.update("INSERT INTO city (code, name, name_key, boundary, area_km2)"
                + " VALUES (?, 'Inconnuville', 'inconnuville', ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(?, ?), 4326), 0.005)), 1)",
                city, spot[0], spot[1]);
        List<RequestPath> endpoints = List.of(
                new RequestPath("/api/cameras", Map.of("bbox", bbox)),
                new RequestPath("/api/cameras/clusters", Map.of("bbox", bbox, "zoom", "10")),
                new RequestPath("/api/cameras/export", Map.of("bbox", bbox, "format", "csv")),
                new RequestPath("/api/cities/" + city + "/stats", Map.of()));
        List<String[]> bad = new ArrayList<>(List.of(
                new String[] {"zones", "workplace", "zones"},
                new String[] {"zone", "office", "zone"},
                new String[] {"filmedArea", "inside", "filmedArea"},
                new String[] {"filmsWorkstations", "maybe", "filmsWorkstations"},
                new String[] {"capabilities", "zoom,sonar", "capabilities"},
                new String[] {"site", "town-hall", "site"}));
        for (RequestPath endpoint : endpoints) {
            given().queryParams(endpoint.params()).get(endpoint.path()).then().statusCode(200);
            for (String[] b : bad) {
                given().queryParams(endpoint.params()).queryParam(b[0], b[1]).get(endpoint.path())
                        .then().statusCode(400).contentType(Api.PROBLEM)
                        .body("errors.field", hasItem(b[2]));
            }
        }
        given().queryParam("q", "x").queryParam("name", "x").get("/api/sites").then().statusCode(400)
                .body("errors.field", hasItem("name"));
    }

    private record RequestPath(String path, Map<String, String> params) {
    }

    private static void create(double[] spot, double dLon, double dLat, Map<String, ?> properties) {
        Api.create(spot[0] + dLon, spot[1] + dLat, properties);
    }

    private static RequestSpecification filtered(List<Case> filters) {
        RequestSpecification request = given();
        for (Case c : filters) {
            request.queryParam(c.param(), c.value());
        }
        return request;
    }

    private static long searchCount(RequestSpecification request) {
        return request.get("/api/cameras").then().statusCode(200).extract().jsonPath().getList("features").size();
    }

    private static long clusterCount(RequestSpecification request) {
        List<Integer> counts = request.queryParam("zoom", 8).get("/api/cameras/clusters").then().statusCode(200)
                .extract().jsonPath().getList("features.properties.count", Integer.class);
        return counts.stream().mapToLong(Integer::longValue).sum();
    }

    private static long exportCount(RequestSpecification request) {
        return request.queryParam("format", "geojson").get("/api/cameras/export").then().statusCode(200)
                .extract().jsonPath().getList("features").size();
    }
}
