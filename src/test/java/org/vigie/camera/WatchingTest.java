package org.vigie.camera;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.common.geo.Geodesy;
import org.vigie.support.Api;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.vigie.support.Api.PROBLEM;

/**
 * "Am I filmed here?": in front of a camera yes, behind it no; an indoor camera films a room, not
 * the passer-by in the street its cone crosses on the map, unless someone inside asks (include=indoor).
 */
@QuarkusTest
class WatchingTest {

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void inFrontOfACameraOneIsFilmedBehindItNot() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("directions", List.of(90), "fieldOfView", 60, "range", 40));
        watched(Geodesy.destination(spot[0], spot[1], 90, 20), null, id, true);
        watched(Geodesy.destination(spot[0], spot[1], 270, 20), null, id, false);
    }

    @Test
    void anIndoorCameraDoesNotAnswerForTheStreetUnlessIndoorIsAsked() {
        double[] spot = Api.freshSpot();
        long indoor = Api.create(spot[0], spot[1], Map.of("filmedArea", "indoor", "directions", List.of(0), "range", 40));
        long street = Api.create(spot[0], spot[1] + 0.00001, Map.of("filmedArea", "public", "directions", List.of(0), "range", 40));
        double[] passerBy = Geodesy.destination(spot[0], spot[1], 0, 20);
        watched(passerBy, null, indoor, false);
        watched(passerBy, null, street, true);
        watched(passerBy, "indoor", indoor, true);
        watched(passerBy, "indoor", street, true);
    }

    @Test
    void anUnknownIncludeIsRefusedByName() {
        given().queryParam("lon", 2).queryParam("lat", 48).queryParam("include", "outdoor").get("/api/cameras/watching")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("include"));
    }

    private static void watched(double[] point, String include, long id, boolean expected) {
        var request = given().queryParam("lon", point[0]).queryParam("lat", point[1]);
        if (include != null) {
            request = request.queryParam("include", include);
        }
        request.get("/api/cameras/watching").then().statusCode(200)
                .body("features.id", expected ? hasItem((int) id) : not(hasItem((int) id)));
    }
}
