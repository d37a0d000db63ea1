package org.vigie.camera;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.common.geo.Geodesy;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.support.Api.PROBLEM;

/** The field of view stored on every write, checked against PostGIS's own geodesic measures. */
@QuarkusTest
class FieldOfViewTest {

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void aPointInFrontIsFilmedAndAPointBehindIsNot() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("cameraType", "fixed", "directions", List.of(90),
                "fieldOfView", 60, "range", 40));
        double[] inFront = Geodesy.destination(spot[0], spot[1], 90, 20);
        double[] behind = Geodesy.destination(spot[0], spot[1], 270, 20);
        double[] beyond = Geodesy.destination(spot[0], spot[1], 90, 45);
        double[] aside = Geodesy.destination(spot[0], spot[1], 140, 20);

        assertWatchedBy(inFront, id, true);
        assertWatchedBy(behind, id, false);
        assertWatchedBy(beyond, id, false);
        assertWatchedBy(aside, id, false);
    }

    @Test
    void aDomeWithoutDirectionSeesAllAround() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("cameraType", "dome", "range", 25));
        for (int bearing = 0; bearing < 360; bearing += 45) {
            assertWatchedBy(Geodesy.destination(spot[0], spot[1], bearing, 20), id, true);
        }
        assertWatchedBy(Geodesy.destination(spot[0], spot[1], 0, 30), id, false);
    }

    @Test
    void severalDirectionsGiveSeveralWedges() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("directions", List.of(0, 180), "fieldOfView", 40, "range", 50));
        assertWatchedBy(Geodesy.destination(spot[0], spot[1], 0, 30), id, true);
        assertWatchedBy(Geodesy.destination(spot[0], spot[1], 180, 30), id, true);
        assertWatchedBy(Geodesy.destination(spot[0], spot[1], 90, 30), id, false);
        given().get("/api/cameras/{id}/fov", id).then().statusCode(200)
                .body("geometry.type", equalTo("MultiPolygon"))
                .body("properties.directions", contains(0, 180));
    }

    @Test
    void theRangeIsMetresOnTheGroundAtAnyLatitude() {
        // At 60° north a degree of longitude is half as long as at the equator: degrees are not metres.
        for (double lat : new double[] {0, 45, 60}) {
            long id = Api.create(10, lat, Map.of("directions", List.of(90), "fieldOfView", 30, "range", 100));
            double farthest = sql.decimal("SELECT max(ST_Distance(position::geography, ST_SetSRID((dp).geom, 4326)::geography)) "
                    + "FROM (SELECT position, ST_DumpPoints(" + FOV_OF_ANSWER + ") AS dp FROM camera WHERE id = ?) p",
                    fovAnswer(id), id);
            assertEquals(100, farthest, 0.5, "at latitude " + lat);
        }
    }

    @Test
    void movingTheCameraMovesItsFieldOfView() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("directions", List.of(0), "range", 40));
        double[] before = Geodesy.destination(spot[0], spot[1], 0, 20);
        assertWatchedBy(before, id, true);
        double[] moved = Geodesy.destination(spot[0], spot[1], 90, 200);
        Api.asVolunteer().header("If-Match", "\"1\"")
                .body(Api.feature(moved[0], moved[1], Map.of("directions", List.of(0), "range", 40)))
                .put("/api/cameras/{id}", id).then().statusCode(200);
        assertWatchedBy(before, id, false);
        assertWatchedBy(Geodesy.destination(moved[0], moved[1], 0, 20), id, true);
    }

    @Test
    void removedCamerasFilmNoOne() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("cameraType", "dome"));
        double[] near = Geodesy.destination(spot[0], spot[1], 0, 10);
        assertWatchedBy(near, id, true);
        sql.update("UPDATE camera SET status = 'removed' WHERE id = ?", id);
        assertWatchedBy(near, id, false);
    }

    @Test
    void fovOfAnUnknownCameraIs404() {
        given().get("/api/cameras/{id}/fov", Long.MAX_VALUE).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void watchingNeedsAValidPoint() {
        given().queryParam("lon", "200").queryParam("lat", "x").get("/api/cameras/watching")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("lon", "lat"));
    }

    @Test
    void theAnsweredAreaMatchesAWedgeMeasuredByPostgis() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("directions", List.of(45), "fieldOfView", 90, "range", 60));
        // A 90° wedge of radius r has area π r² / 4 on the ground.
        double area = sql.decimal("SELECT ST_Area(ST_SetSRID(" + FOV_OF_ANSWER + ", 4326)::geography)", fovAnswer(id));
        double expected = Math.PI * 60 * 60 / 4;
        assertTrue(Math.abs(area - expected) / expected < 0.01, "area " + area + " m², expected " + expected);
    }

    /** The geometry of a {@code GET /api/cameras/{id}/fov} answer (bound as its only parameter), read by PostGIS. */
    private static final String FOV_OF_ANSWER = "ST_GeomFromGeoJSON((?::jsonb -> 'geometry')::text)";

    private static String fovAnswer(long id) {
        return given().get("/api/cameras/{id}/fov", id).then().statusCode(200).extract().asString();
    }

    private static void assertWatchedBy(double[] point, long id, boolean watched) {
        given().queryParam("lon", point[0]).queryParam("lat", point[1]).get("/api/cameras/watching")
                .then().statusCode(200)
                .body("features.id", watched ? hasItem((int) id) : not(hasItem((int) id)));
    }
}
