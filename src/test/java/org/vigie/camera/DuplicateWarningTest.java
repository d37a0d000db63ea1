package org.vigie.camera;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.common.geo.Geodesy;
import org.vigie.support.Api;

import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A camera of the same kind within 10 m is a suspected duplicate until the client confirms. */
@QuarkusTest
class DuplicateWarningTest {

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    private static io.restassured.response.Response add(double[] at, String kind, boolean confirm) {
        var request = Api.asVolunteer();
        if (confirm) {
            request.queryParam("confirmDuplicate", "true");
        }
        return request.body(Api.feature(at[0], at[1], Map.of("kind", kind))).post("/api/cameras");
    }

    @Test
    void aCameraWithin10mIsRefusedUntilConfirmed() {
        double[] spot = Api.freshSpot();
        long first = add(spot, "camera", false).then().statusCode(201).extract().jsonPath().getLong("id");
        double[] eightMetres = Geodesy.destination(spot[0], spot[1], 45, 8);

        add(eightMetres, "camera", false).then().statusCode(409).contentType(Api.PROBLEM)
                .body("type", equalTo("/problems/duplicate-suspected"))
                .body("nearby", contains((int) first))
                .body("detail", containsString("confirmDuplicate=true"));
        add(eightMetres, "camera", true).then().statusCode(201);
    }

    @Test
    void anotherKindOrFartherThan10mOrADeletedCameraIsNoDuplicate() {
        double[] spot = Api.freshSpot();
        long first = add(spot, "camera", false).then().statusCode(201).extract().jsonPath().getLong("id");
        add(Geodesy.destination(spot[0], spot[1], 90, 3), "alpr", false).then().statusCode(201);
        add(Geodesy.destination(spot[0], spot[1], 180, 12), "camera", false).then().statusCode(201);

        Api.asVolunteer().header("If-Match", "\"1\"").delete("/api/cameras/{id}", first).then().statusCode(204);
        add(Geodesy.destination(spot[0], spot[1], 0, 2), "camera", false).then().statusCode(201);
    }

    @Test
    void aBadConfirmationValueIs400() {
        double[] spot = Api.freshSpot();
        Api.asVolunteer().queryParam("confirmDuplicate", "maybe").body(Api.feature(spot[0], spot[1], Map.of()))
                .post("/api/cameras").then().statusCode(400).body("errors[0].field", equalTo("confirmDuplicate"));
    }
}
