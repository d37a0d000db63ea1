package org.vigie.moderation;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Accounts.TestAccount;
import org.vigie.support.Api;
import org.vigie.support.Sql;
import org.vigie.support.Vandalism;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A vandal and its puppet, edited in either order, reverted together; the preview writes nothing. */
@QuarkusTest
class RevertTogetherTest {

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void aVandalAndItsPuppetAreUndoneTogetherWhateverOrderTheyEditedIn() {
        double[] spot = Api.freshSpot();
        Vandalism vandalism = Vandalism.crosswise(spot, new double[] {spot[0] + 0.01, spot[1]});
        long first = vandalism.first();
        long second = vandalism.second();
        TestAccount vandal = vandalism.vandal();
        TestAccount puppet = vandalism.puppet();
        TestAccount moderator = Accounts.moderator();
        Map<String, Object> body = Map.of("accounts", List.of(vandal.username(), puppet.username()));

        // The preview lists both cameras, back to version 1, and writes nothing.
        moderator.request().body(body).queryParam("dryRun", "true").post("/api/moderation/reverts").then().statusCode(200)
                .body("dryRun", equalTo(true)).body("accounts", containsInAnyOrder(vandal.username(), puppet.username()))
                .body("reverted", equalTo(2)).body("skipped.size()", equalTo(0))
                .body("changes.cameraId", containsInAnyOrder((int) first, (int) second))
                .body("changes.toVersion", equalTo(List.of(1, 1))).body("changes.fromVersion", equalTo(List.of(3, 3)));
        given().get("/api/cameras/{id}", first).then().body("properties.operator", equalTo("Marionnette 1"))
                .body("properties.version", equalTo(3));
        assertEquals(0, sql.count("SELECT count(*) FROM moderation_log WHERE action = 'revert' AND account_id IN (?, ?)",
                vandal.id(), puppet.id()));

        // One of them alone leaves the camera the other edited after it: that is what the joint revert is for.
        // (previewed, so that nothing is written: a real revert would be a moderator's edit of its own)
        moderator.request().body(Map.of("accounts", List.of(vandal.username()), "since", "2020-01-01T00:00:00Z"))
                .queryParam("dryRun", "true").post("/api/moderation/reverts")
                .then().statusCode(200).body("skipped.cameraId", hasItem((int) first)).body("account", equalTo(vandal.username()));

        moderator.request().body(body).post("/api/moderation/reverts").then().statusCode(200).body("dryRun", equalTo(false));
        given().get("/api/cameras/{id}", first).then().body("properties.operator", equalTo("Mairie"));
        given().get("/api/cameras/{id}", second).then().body("properties.operator", equalTo("Banque"));
        assertEquals(1, sql.count("SELECT count(*) FROM moderation_log WHERE action = 'revert' AND account_id = ?", vandal.id()));
        assertEquals(1, sql.count("SELECT count(*) FROM moderation_log WHERE action = 'revert' AND account_id = ?", puppet.id()));
        // the log's line says since when, and with whom, as data
        moderator.authorized().get("/api/moderation/log?limit=50").then().statusCode(200)
                .body("find { it.action == 'revert' && it.account == '" + vandal.username() + "' }.facts.with",
                        containsInAnyOrder(vandal.username(), puppet.username()))
                .body("find { it.action == 'revert' && it.account == '" + vandal.username() + "' }.facts.since",
                        org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void badRevertsAre400Or404NamingWhy() {
        TestAccount moderator = Accounts.moderator();
        moderator.request().body(Map.of("accounts", List.of())).post("/api/moderation/reverts").then().statusCode(400)
                .contentType(Api.PROBLEM).body("errors.field", hasItem("accounts"));
        moderator.request().body(Map.of("accounts", List.of("x_nobody_x"))).post("/api/moderation/reverts").then().statusCode(404);
        moderator.request().body(Map.of("accounts", List.of(moderator.username()))).queryParam("dryRun", "maybe")
                .post("/api/moderation/reverts").then().statusCode(400).body("errors.field", hasItem("dryRun"));
        moderator.request().body(Map.of("accounts", List.of(moderator.username()), "since", "hier"))
                .post("/api/moderation/reverts").then().statusCode(400).body("errors.field", hasItem("since"));
        Accounts.volunteer().request().body(Map.of("accounts", List.of(moderator.username()))).post("/api/moderation/reverts")
                .then().statusCode(403);
    }
}
