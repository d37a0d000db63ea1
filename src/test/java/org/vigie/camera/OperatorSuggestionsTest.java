package org.vigie.camera;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.vigie.support.Api.PROBLEM;

/** GET /api/operators: the operators around a point, with their cameras counted, matched without accents. */
@QuarkusTest
class OperatorSuggestionsTest {

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void theOperatorsAroundComeMostFrequentFirstWithTheirCountsAndMatchWithoutAccents() {
        double[] spot = Api.freshSpot();
        String tag = Long.toString(System.nanoTime(), 36);
        String prefecture = "Préfecture de Police " + tag;
        String shop = "Boulangerie Élise " + tag;
        for (int i = 0; i < 3; i++) {
            Api.create(spot[0] + i * 0.0001, spot[1], Map.of("operator", prefecture));
        }
        Api.create(spot[0], spot[1] + 0.0001, Map.of("operator", shop));
        Api.create(spot[0] + 0.2, spot[1], Map.of("operator", "Loin " + tag)); // about 15 km away
        String near = spot[0] + "," + spot[1];

        given().queryParam("near", near).queryParam("q", tag).get("/api/operators").then().statusCode(200)
                .body("name", contains(prefecture, shop))
                .body("cameras", contains(3, 1));
        given().queryParam("near", near).queryParam("q", "PREFECTURE-de police " + tag).get("/api/operators").then().statusCode(200)
                .body("name", contains(prefecture));
        given().queryParam("near", near).queryParam("q", "elise " + tag).get("/api/operators").then().statusCode(200)
                .body("name", contains(shop));
        given().queryParam("near", near).queryParam("q", "nobody " + tag).get("/api/operators").then().statusCode(200)
                .body("$", empty());
    }

    @Test
    void aMissingOrBadPointAndUnknownParametersAreRefusedByName() {
        given().get("/api/operators").then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("near"));
        given().queryParam("near", "200,1").get("/api/operators").then().statusCode(400).body("errors.field", contains("near"));
        given().queryParam("near", "2,48").queryParam("limit", "5").get("/api/operators").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("limit"));
        given().queryParam("near", "2,48").queryParam("q", "x".repeat(201)).get("/api/operators").then().statusCode(400)
                .body("errors.field", contains("q"));
    }
}
