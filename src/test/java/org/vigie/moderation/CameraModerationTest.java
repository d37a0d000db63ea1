package org.vigie.moderation;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.support.Accounts;
import org.vigie.support.Accounts.TestAccount;
import org.vigie.support.Api;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Hiding, restoring and merging: moderators' versions of a camera. */
@QuarkusTest
class CameraModerationTest {

    @BeforeAll
    static void setUp() {
        Api.init();
    }

    @Test
    void aModeratorHidesACameraAndRestoresIt() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("operator", "Ville"));
        TestAccount moderator = Accounts.moderator();

        Accounts.volunteer().authorized().post("/api/moderation/cameras/{id}/hide", id).then().statusCode(403)
                .contentType(Api.PROBLEM);
        given().post("/api/moderation/cameras/{id}/hide", id).then().statusCode(401).contentType(Api.PROBLEM);

        moderator.authorized().post("/api/moderation/cameras/{id}/hide", id).then().statusCode(200)
                .body("visible", equalTo(false)).body("version", equalTo(2));
        given().get("/api/cameras/{id}", id).then().statusCode(410);
        moderator.authorized().post("/api/moderation/cameras/{id}/hide", id).then().statusCode(410);
        // What a moderator hid stays out of reach through its history too, its author's included.
        given().get("/api/cameras/{id}/history", id).then().statusCode(410).contentType(Api.PROBLEM)
                .body("type", equalTo("/problems/camera-hidden"));
        Accounts.volunteer().authorized().get("/api/cameras/{id}/history", id).then().statusCode(410);
        moderator.authorized().get("/api/cameras/{id}/history", id).then().statusCode(200)
                .body("action", equalTo(List.of("create", "hide")));

        moderator.authorized().post("/api/moderation/cameras/{id}/restore", id).then().statusCode(200)
                .body("visible", equalTo(true)).body("version", equalTo(3));
        moderator.authorized().post("/api/moderation/cameras/{id}/restore", id).then().statusCode(409);
        given().get("/api/cameras/{id}", id).then().statusCode(200).body("properties.operator", equalTo("Ville"));
        given().get("/api/cameras/{id}/history", id).then()
                .body("action", equalTo(List.of("create", "hide", "restore")))
                .body("author", equalTo(List.of(Accounts.volunteer().username(), moderator.username(), moderator.username())))
                .body("[1].changedFields", equalTo(List.of("visible")));
    }

    @Test
    void mergingADuplicateHidesItAndCarriesItsConfirmationsOver() {
        double[] spot = Api.freshSpot();
        TestAccount author = Accounts.fresh(Role.VOLUNTEER);
        long original = Api.create(spot[0], spot[1], Map.of());
        long duplicate = author.request().queryParam("confirmDuplicate", "true")
                .body(Api.feature(spot[0] + 0.00002, spot[1], Map.of())).post("/api/cameras")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        TestAccount both = Accounts.fresh(Role.VOLUNTEER);
        TestAccount onlyDuplicate = Accounts.fresh(Role.VOLUNTEER);
        for (TestAccount who : List.of(both, onlyDuplicate)) {
            who.authorized().post("/api/cameras/{id}/confirmations", duplicate).then().statusCode(201);
        }
        both.authorized().post("/api/cameras/{id}/confirmations", original).then().statusCode(201);

        TestAccount moderator = Accounts.moderator();
        moderator.request().body(Map.of("into", duplicate)).post("/api/moderation/cameras/{id}/merge", duplicate)
                .then().statusCode(400).body("errors[0].field", equalTo("into"));
        moderator.request().body(Map.of("into", original)).post("/api/moderation/cameras/{id}/merge", duplicate)
                .then().statusCode(200).body("id", equalTo((int) original)).body("confirmations", equalTo(2))
                .body("status", equalTo("verified"));

        given().get("/api/cameras/{id}", duplicate).then().statusCode(410);
        given().get("/api/cameras/{id}", original).then().body("properties.confirmations", equalTo(2));
        given().get("/api/cameras/{id}/history", duplicate).then().body("action[-1]", equalTo("merge"));
    }

    @Test
    void onlyACloseCameraOnTheMapTakesADuplicate() {
        double[] spot = Api.freshSpot();
        long original = Api.create(spot[0], spot[1], Map.of());
        long far = Api.create(spot[0] + 0.001, spot[1], Map.of()); // about 80 m east
        TestAccount moderator = Accounts.moderator();
        moderator.request().body(Map.of("into", original)).post("/api/moderation/cameras/{id}/merge", far)
                .then().statusCode(400).contentType(Api.PROBLEM).body("errors[0].field", equalTo("into"))
                .body("errors[0].reason", containsString("m away"));
        moderator.request().header("Accept-Language", "fr").body(Map.of("into", original))
                .post("/api/moderation/cameras/{id}/merge", far)
                .then().statusCode(400).body("errors[0].reason", containsString("moins de 50 m"));
        given().get("/api/cameras/{id}", far).then().statusCode(200); // still on the map, nothing written
        given().get("/api/cameras/{id}/history", far).then().body("action", not(hasItem("merge")));

        long hidden = Api.create(spot[0] + 0.0001, spot[1], Map.of());
        long duplicate = Api.create(spot[0] + 0.00005, spot[1], Map.of());
        moderator.authorized().post("/api/moderation/cameras/{id}/hide", hidden).then().statusCode(200);
        moderator.request().body(Map.of("into", hidden)).post("/api/moderation/cameras/{id}/merge", duplicate)
                .then().statusCode(410);
        moderator.request().body(Map.of("into", duplicate)).post("/api/moderation/cameras/{id}/merge", hidden)
                .then().statusCode(410);
        moderator.request().body(Map.of("into", original)).post("/api/moderation/cameras/{id}/merge", duplicate)
                .then().statusCode(200);
    }

    @Test
    void aModeratorsResolutionNeedsAKnownStatus() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of());
        Accounts.moderator().request().body(Map.of()).post("/api/moderation/cameras/{id}/resolution", id)
                .then().statusCode(400).contentType(Api.PROBLEM).body("errors[0].field", equalTo("status"));
        Accounts.moderator().request().body(Map.of("status", "removed")).post("/api/moderation/cameras/{id}/resolution", 987654321L)
                .then().statusCode(404).contentType(Api.PROBLEM);
    }
}
