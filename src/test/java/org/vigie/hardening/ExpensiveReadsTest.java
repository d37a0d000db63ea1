package org.vigie.hardening;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.common.http.ExpensiveReads;
import org.vigie.support.Api;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.vigie.support.Api.PROBLEM;

/**
 * Exports and live clusterings run at most vigie.reads.expensive-at-once (2) at a time: with every
 * permit taken, the next is a 503 with Retry-After at once, while the map's own reads (aggregated
 * clusters, cameras in view) go on; and live clustering refuses a world at a street's zoom.
 */
@QuarkusTest
class ExpensiveReadsTest {

    @Inject
    ExpensiveReads expensive;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void pastTheLimitExportsAndLiveClustersAre503WithRetryAfter() {
        List<ExpensiveReads.Permit> held = new ArrayList<>();
        try {
            held.add(expensive.enter()); // two exports streaming, as far as the server knows
            held.add(expensive.enter());
            given().queryParam("format", "csv").queryParam("bbox", "-180,-85,180,85").get("/api/cameras/export")
                    .then().statusCode(503).contentType(PROBLEM).header("Retry-After", notNullValue());
            given().queryParam("bbox", "2.30,48.80,2.40,48.90").queryParam("zoom", "16").get("/api/cameras/clusters")
                    .then().statusCode(503).contentType(PROBLEM).header("Retry-After", "2");
            // the map's cheap reads are not held back
            given().queryParam("bbox", "-10,40,10,52").queryParam("zoom", "5").get("/api/cameras/clusters").then().statusCode(200);
            given().queryParam("bbox", "2.30,48.80,2.40,48.90").get("/api/cameras").then().statusCode(200);
        } finally {
            held.forEach(ExpensiveReads.Permit::close);
        }
        given().queryParam("format", "csv").queryParam("bbox", "2.30,48.80,2.40,48.90").get("/api/cameras/export")
                .then().statusCode(200);
        given().queryParam("format", "csv").queryParam("bbox", "2.30,48.80,2.40,48.90").get("/api/cameras/export")
                .then().statusCode(200); // the permits came back once the exports were written
    }

    @Test
    void liveClusteringRefusesAWorldAtAStreetsZoom() {
        given().queryParam("bbox", "-180,-85,180,85").queryParam("zoom", "18").get("/api/cameras/clusters")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("bbox"))
                .body("errors[0].reason", containsString("too large for zoom 18"));
        given().queryParam("bbox", "2.34,48.85,2.36,48.86").queryParam("zoom", "18").get("/api/cameras/clusters")
                .then().statusCode(200);
    }
}
