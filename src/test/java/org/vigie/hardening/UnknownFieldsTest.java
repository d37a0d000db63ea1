package org.vigie.hardening;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vigie.support.Api.PROBLEM;

/**
 * A field the API does not know is a 400 naming it, whatever the body (a record read by Jackson, a
 * camera Feature, a moderator's optional body), and nothing is stored; GeoJSON's own members that a
 * client may add (bbox, the id sent back) are taken.
 */
@QuarkusTest
class UnknownFieldsTest {

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void anUnknownFieldOfARecordIsNamed() {
        given().contentType("application/json").body("{\"username\": \"nobody\", \"password\": \"p\", \"rememberMe\": true}")
                .post("/api/auth/login")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("rememberMe")).body("errors[0].reason", equalTo("is not a known field"));
        double[] spot = Api.freshSpot();
        long kept = Api.create(spot[0], spot[1], Map.of("kind", "camera"));
        long duplicate = Api.create(spot[0] + 0.0001, spot[1], Map.of("kind", "camera"));
        Accounts.moderator().request().body("{\"into\": " + kept + ", \"force\": true}")
                .post("/api/moderation/cameras/{id}/merge", duplicate)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("force"));
        Accounts.moderator().request().body("{\"reason\": \"spam\", \"notify\": true}")
                .post("/api/moderation/cameras/{id}/hide", duplicate)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("notify"));
        // neither merged nor hidden
        given().get("/api/cameras/{id}", duplicate).then().statusCode(200);
    }

    @Test
    void aCameraFeatureWithAnUnknownMemberIsRefusedByName() {
        long before = sql.count("SELECT count(*) FROM camera");
        double[] spot = Api.freshSpot();
        String point = "{\"type\":\"Point\",\"coordinates\":[" + spot[0] + "," + spot[1] + "]";
        Api.asVolunteer().body("{\"type\":\"Feature\",\"geometry\":" + point + "},\"propreties\":{\"kind\":\"camera\"}}")
                .post("/api/cameras").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("propreties"));
        Api.asVolunteer().body("{\"type\":\"Feature\",\"geometry\":" + point + ",\"crs\":\"EPSG:2154\"},\"properties\":{}}")
                .post("/api/cameras").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("geometry.crs"));
        Api.asVolunteer().body("{\"type\":\"Feature\",\"geometry\":" + point + "},\"properties\":{\"kind\":\"camera\",\"colour\":\"grey\"}}")
                .post("/api/cameras").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("properties.colour"));
        assertEquals(before, sql.count("SELECT count(*) FROM camera"));
    }

    @Test
    void geoJsonMembersAClientMayAddAreTaken() {
        double[] spot = Api.freshSpot();
        String bbox = "[" + spot[0] + "," + spot[1] + "," + spot[0] + "," + spot[1] + "]";
        long id = Api.asVolunteer().body("{\"type\":\"Feature\",\"bbox\":" + bbox + ",\"geometry\":{\"type\":\"Point\",\"bbox\":" + bbox
                        + ",\"coordinates\":[" + spot[0] + "," + spot[1] + "]},\"properties\":{\"kind\":\"camera\"}}")
                .post("/api/cameras").then().statusCode(201).extract().jsonPath().getLong("id");
        // a camera as the API answered it is sent back as it is
        String answered = given().get("/api/cameras/{id}", id).then().statusCode(200).extract().asString();
        Api.asVolunteer().header("If-Match", "\"1\"").body(answered).put("/api/cameras/{id}", id).then().statusCode(200);
    }
}
