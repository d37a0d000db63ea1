package org.vigie.site;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Sql;
import org.vigie.support.TestImages;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A site's versions and its soft deletion (issue 16), as a camera's: history kept, 410 once deleted. */
@QuarkusTest
class SiteHistoryTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void everyVersionIsKeptWithItsAuthorAndFloors() {
        Accounts.TestAccount author = Accounts.volunteer();
        Map<String, Object> body = new HashMap<>(SiteResourceTest.townHall(Api.freshSpot()));
        long site = author.request().body(body).post("/api/sites").then().statusCode(201).extract().jsonPath().getLong("id");
        body.put("name", "Mairie d'Hénin-Beaumont");
        author.request().header("If-Match", "\"1\"").body(body).put("/api/sites/" + site).then().statusCode(200);
        body.put("floors", List.of(Map.of("level", "0", "name", "Rez-de-chaussée"), Map.of("level", "1", "name", "1er étage"),
                Map.of("level", "2", "name", "Combles")));
        Accounts.TestAccount colleague = Accounts.established(Role.VOLUNTEER);
        colleague.request().header("If-Match", "\"2\"").body(body).put("/api/sites/" + site).then().statusCode(200);

        given().get("/api/sites/" + site + "/history").then().statusCode(200)
                .body("version", contains(3, 2, 1))
                .body("action", contains("modified", "modified", "created"))
                .body("author", contains(colleague.username(), author.username(), author.username()))
                .body("name", contains("Mairie d'Hénin-Beaumont", "Mairie d'Hénin-Beaumont", "Hôtel de ville d'Hénin-Beaumont"))
                .body("[0].floors.level", contains("0", "1", "2"))
                .body("[1].floors.level", contains("0", "1"))
                .body("[2].geometry.type", equalTo("Point"))
                .body("[2].outline.type", equalTo("Polygon"));
        given().get("/api/sites/987654321/history").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aSiteIsDeletedSoftlyByItsAuthorOnceItHasNoCamera() {
        double[] spot = Api.freshSpot();
        Accounts.TestAccount author = Accounts.volunteer();
        long site = author.request().body(SiteResourceTest.townHall(spot)).post("/api/sites").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long camera = Api.create(spot[0], spot[1], Map.of("site", site, "level", "0"));

        // a camera is still on it: nothing is deleted, the answer says how many
        author.request().header("If-Match", "\"1\"").delete("/api/sites/" + site).then().statusCode(409).contentType(PROBLEM)
                .body("type", containsString("site-has-cameras")).body("cameras", equalTo(1));
        Api.delete(camera, 1);
        // someone else may not; a stale version is a conflict; no version, a 428
        Accounts.established(Role.VOLUNTEER).request().header("If-Match", "\"1\"").delete("/api/sites/" + site)
                .then().statusCode(403).contentType(PROBLEM);
        author.request().header("If-Match", "\"7\"").delete("/api/sites/" + site).then().statusCode(409)
                .body("currentVersion", equalTo(1));
        author.request().delete("/api/sites/" + site).then().statusCode(428);
        author.request().header("If-Match", "\"1\"").delete("/api/sites/" + site).then().statusCode(204);

        for (String path : List.of("", "/cameras", "/report", "/floors/1/plan")) {
            given().get("/api/sites/" + site + path).then().statusCode(410).contentType(PROBLEM)
                    .body("type", containsString("site-removed"));
        }
        author.request().header("If-Match", "\"2\"").body(SiteResourceTest.townHall(spot)).put("/api/sites/" + site)
                .then().statusCode(410);
        author.authorized().multiPart("file", "a.png", TestImages.png(30, 20), "image/png")
                .put("/api/sites/" + site + "/floors/1/plan").then().statusCode(410);
        given().queryParam("bbox", Api.bboxAround(spot, 0.01)).get("/api/sites").then().statusCode(200)
                .body("id", not(hasItem((int) site)));
        // no camera may be put on it any more
        Api.asVolunteer().body(Api.feature(spot[0], spot[1], Map.of("site", site))).post("/api/cameras")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("properties.site"));
        // its row and its history stay
        given().get("/api/sites/" + site + "/history").then().statusCode(200)
                .body("action", contains("deleted", "created")).body("[0].version", equalTo(2));
        assertEquals(1, sql.count("SELECT count(*) FROM site WHERE id = ? AND removed_at IS NOT NULL AND version = 2", site));
    }

    @Test
    void aModeratorMayDeleteAnotherVolunteersSite() {
        long site = Api.asVolunteer().body(SiteResourceTest.townHall(Api.freshSpot())).post("/api/sites").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Accounts.moderator().request().header("If-Match", "\"1\"").delete("/api/sites/" + site).then().statusCode(204);
        given().get("/api/sites/" + site).then().statusCode(410);
    }
}
