package org.vigie.moderation;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.support.Accounts;
import org.vigie.support.Accounts.TestAccount;
import org.vigie.support.Api;
import org.vigie.support.Sql;
import org.vigie.support.TestImages;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Going back in a camera's history, and a moderator undoing everything one account did. */
@QuarkusTest
class RevertTest {

    @Inject
    Sql sql;

    @BeforeAll
    static void setUp() {
        Api.init();
    }

    private static long add(TestAccount who, double[] spot, Map<String, ?> properties) {
        return who.request().queryParam("confirmDuplicate", "true").body(Api.feature(spot[0], spot[1], properties))
                .post("/api/cameras").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void edit(TestAccount who, long id, int version, double[] spot, Map<String, ?> properties) {
        who.request().header("If-Match", "\"" + version + "\"").body(Api.feature(spot[0], spot[1], properties))
                .put("/api/cameras/{id}", id).then().statusCode(200);
    }

    @Test
    void aRevertWritesTheEarlierContentAsANewVersion() {
        double[] spot = Api.freshSpot();
        TestAccount ana = Accounts.fresh(Role.VOLUNTEER);
        TestAccount vandal = Accounts.fresh(Role.VOLUNTEER);
        long id = add(ana, spot, Map.of("operator", "Ville de Lyon", "signage", "absent"));
        edit(vandal, id, 1, new double[] {spot[0] + 0.001, spot[1]}, Map.of("operator", "nobody"));

        given().get("/api/cameras/{id}/history", id).then()
                .body("author", equalTo(List.of(ana.username(), vandal.username())));

        ana.request().header("If-Match", "\"1\"").body(Map.of("version", 1)).post("/api/cameras/{id}/revert", id)
                .then().statusCode(409).contentType(Api.PROBLEM).body("currentVersion", equalTo(2));
        ana.request().header("If-Match", "\"2\"").body(Map.of("version", 2)).post("/api/cameras/{id}/revert", id)
                .then().statusCode(400).body("errors[0].field", equalTo("version"));
        ana.request().body(Map.of("version", 1)).post("/api/cameras/{id}/revert", id).then().statusCode(428);
        Api.json().header("If-Match", "\"2\"").body(Map.of("version", 1)).post("/api/cameras/{id}/revert", id)
                .then().statusCode(401);

        ana.request().header("If-Match", "\"2\"").body(Map.of("version", 1)).post("/api/cameras/{id}/revert", id)
                .then().statusCode(200).header("ETag", "\"3\"")
                .body("properties.operator", equalTo("Ville de Lyon"))
                .body("properties.signage", equalTo("absent"))
                .body("geometry.coordinates[0]", equalTo((float) spot[0]));
        given().get("/api/cameras/{id}/history", id).then()
                .body("action", equalTo(List.of("create", "update", "revert")))
                .body("[2].author", equalTo(ana.username()))
                .body("[2].changedFields", equalTo(List.of("geometry", "operator", "signage")));
    }

    @Test
    void aModeratorRevertsEverythingAnAccountDidExceptWhatOthersEditedSince() {
        double[] spot = Api.freshSpot();
        TestAccount ana = Accounts.fresh(Role.VOLUNTEER);
        TestAccount bob = Accounts.fresh(Role.VOLUNTEER);
        TestAccount vandal = Accounts.fresh(Role.VOLUNTEER);
        long anasCamera = add(ana, spot, Map.of("operator", "SNCF"));
        long bobsCamera = add(bob, new double[] {spot[0] + 0.002, spot[1]}, Map.of("operator", "RATP"));
        long fixedSince = add(ana, new double[] {spot[0] + 0.004, spot[1]}, Map.of("operator", "Mairie"));
        long deleted = add(bob, new double[] {spot[0] + 0.006, spot[1]}, Map.of("operator", "Banque"));

        edit(vandal, anasCamera, 1, spot, Map.of("operator", "fake"));
        edit(vandal, anasCamera, 2, spot, Map.of("operator", "fake again"));
        edit(vandal, bobsCamera, 1, new double[] {spot[0] + 0.002, spot[1]}, Map.of());
        edit(vandal, fixedSince, 1, new double[] {spot[0] + 0.004, spot[1]}, Map.of("operator", "x"));
        edit(ana, fixedSince, 2, new double[] {spot[0] + 0.004, spot[1]}, Map.of("operator", "Mairie de Paris"));
        long spam = add(vandal, new double[] {spot[0] + 0.008, spot[1]}, Map.of("notes", "spam"));
        vandal.authorized().post("/api/cameras/{id}/confirmations", deleted).then().statusCode(201);
        vandal.request().body(Map.of("reason", "fake")).post("/api/cameras/{id}/reports", bobsCamera).then().statusCode(201);
        long photo = vandal.authorized().multiPart("file", "fake.png", TestImages.png(64, 48), "image/png")
                .post("/api/cameras/{id}/photos", bobsCamera).then().statusCode(201).extract().jsonPath().getLong("id");
        // Not the vandal's camera: only moderators may delete it, so the vandal hides it another way
        Accounts.moderator().authorized().header("If-Match", "\"1\"").delete("/api/cameras/{id}", deleted)
                .then().statusCode(204);

        vandal.request().body(Map.of()).post("/api/moderation/accounts/{name}/revert", vandal.username())
                .then().statusCode(403);
        TestAccount moderator = Accounts.moderator();
        moderator.request().body(Map.of("since", "yesterday")).post("/api/moderation/accounts/{name}/revert", vandal.username())
                .then().statusCode(400).body("errors[0].field", equalTo("since"));
        moderator.request().body(Map.of("since", "+999999-01-01T00:00:00Z")).post("/api/moderation/accounts/{name}/revert", vandal.username())
                .then().statusCode(400).body("errors[0].field", equalTo("since"));
        moderator.request().body(Map.of()).post("/api/moderation/accounts/{name}/revert", "nobody-by-that-name")
                .then().statusCode(404);

        moderator.request().body(Map.of()).post("/api/moderation/accounts/{name}/revert", vandal.username())
                .then().statusCode(200)
                .body("cameras", equalTo(4))
                .body("reverted", equalTo(2))
                .body("hidden", equalTo(1))
                .body("skipped.cameraId", equalTo(List.of((int) fixedSince)))
                .body("confirmationsWithdrawn", equalTo(1))
                .body("reportsClosed", equalTo(1))
                .body("photosRemoved", equalTo(1));
        given().get("/api/photos/{id}", photo).then().statusCode(410);

        given().get("/api/cameras/{id}", anasCamera).then().body("properties.operator", equalTo("SNCF"))
                .body("properties.version", equalTo(4));
        given().get("/api/cameras/{id}", bobsCamera).then().body("properties.operator", equalTo("RATP"))
                .body("properties.status", equalTo("reported"));
        given().get("/api/cameras/{id}", fixedSince).then().body("properties.operator", equalTo("Mairie de Paris"));
        given().get("/api/cameras/{id}", spam).then().statusCode(410);
        given().get("/api/cameras/{id}/history", spam).then().statusCode(410).body("type", equalTo("/problems/camera-hidden"));
        given().get("/api/cameras/{id}/history", anasCamera).then()
                .body("action[-1]", equalTo("revert")).body("author[-1]", equalTo(moderator.username()));
        assertEquals(0, sql.count("SELECT count(*) FROM camera_confirmation c JOIN account a ON a.id = c.account_id"
                + " WHERE a.username = ?", vandal.username()));

        // Once more: nothing left to undo.
        moderator.request().body(Map.of()).post("/api/moderation/accounts/{name}/revert", vandal.username())
                .then().statusCode(200).body("reverted", equalTo(0)).body("hidden", equalTo(0));
    }

    @Test
    void aCameraRemovedByGoneReportsComesBackWhenOneReportersAccountIsReverted() {
        double[] spot = Api.freshSpot();
        long camera = add(Accounts.fresh(Role.VOLUNTEER), spot, Map.of("operator", "Ville de Lyon"));
        long takenDown = add(Accounts.fresh(Role.VOLUNTEER), new double[] {spot[0] + 0.002, spot[1]}, Map.of());
        TestAccount vandal = Accounts.fresh(Role.VOLUNTEER);
        TestAccount honest = Accounts.fresh(Role.VOLUNTEER);
        for (long id : new long[] {camera, takenDown}) {
            for (TestAccount who : List.of(vandal, honest)) {
                who.request().body(Map.of("reason", "gone")).post("/api/cameras/{id}/reports", id).then().statusCode(201);
            }
            given().get("/api/cameras/{id}", id).then().body("properties.status", equalTo("removed"));
        }
        // A moderator settled the second one as removed: that stays so, whoever reported it.
        TestAccount moderator = Accounts.moderator();
        moderator.request().body(Map.of("status", "removed")).post("/api/moderation/cameras/{id}/resolution", takenDown)
                .then().statusCode(200);

        moderator.request().body(Map.of()).post("/api/moderation/accounts/{name}/revert", vandal.username())
                .then().statusCode(200).body("reportsClosed", equalTo(1));
        // One "gone" report is left, by another volunteer: the camera is disputed, not removed.
        given().get("/api/cameras/{id}", camera).then().body("properties.status", equalTo("disputed"));
        given().get("/api/cameras/{id}", takenDown).then().body("properties.status", equalTo("removed"));
    }

    @Test
    void revertingAModeratorsAccountHidesWhatItRestoredAndUnmergesWhatItMerged() {
        double[] spot = Api.freshSpot();
        TestAccount ana = Accounts.fresh(Role.VOLUNTEER);
        long takenDown = add(ana, spot, Map.of("operator", "Mairie"));
        long original = add(ana, new double[] {spot[0] + 0.01, spot[1]}, Map.of());
        long duplicate = ana.request().queryParam("confirmDuplicate", "true")
                .body(Api.feature(spot[0] + 0.01002, spot[1], Map.of())).post("/api/cameras")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Accounts.moderator().authorized().post("/api/moderation/cameras/{id}/hide", takenDown).then().statusCode(200);

        TestAccount rogue = Accounts.fresh(Role.MODERATOR);
        rogue.authorized().post("/api/moderation/cameras/{id}/restore", takenDown).then().statusCode(200);
        rogue.request().body(Map.of("into", original)).post("/api/moderation/cameras/{id}/merge", duplicate)
                .then().statusCode(200);
        given().get("/api/cameras/{id}", takenDown).then().statusCode(200);
        given().get("/api/cameras/{id}", duplicate).then().statusCode(410);

        Accounts.moderator().request().body(Map.of()).post("/api/moderation/accounts/{name}/revert", rogue.username())
                .then().statusCode(200).body("reverted", equalTo(2)).body("skipped", equalTo(List.of()));
        // Back as they were before the rogue moderator: the hidden camera hidden, the duplicate standing alone.
        given().get("/api/cameras/{id}", takenDown).then().statusCode(410);
        given().get("/api/cameras/{id}", duplicate).then().statusCode(200).body("properties.version", equalTo(3));
        assertEquals(0, sql.count("SELECT count(*) FROM camera WHERE id = ? AND merged_into IS NOT NULL", duplicate));
        Accounts.moderator().authorized().get("/api/cameras/{id}/history", takenDown).then()
                .body("action", equalTo(List.of("create", "hide", "restore", "revert")))
                .body("[3].changedFields", equalTo(List.of("visible")));
    }
}
