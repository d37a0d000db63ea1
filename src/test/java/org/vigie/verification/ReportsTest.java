package org.vigie.verification;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.support.Accounts;
import org.vigie.support.Accounts.TestAccount;
import org.vigie.support.Api;
import org.vigie.support.Secrets;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ReportsTest {

    @BeforeAll
    static void setUp() {
        Api.init();
    }

    private static io.restassured.response.ValidatableResponse report(TestAccount who, long id, String reason) {
        return who.request().body(Map.of("reason", reason, "comment", "vu le 12 novembre"))
                .post("/api/cameras/{id}/reports", id).then();
    }

    private static String status(long id) {
        return given().get("/api/cameras/{id}", id).then().extract().path("properties.status");
    }

    @Test
    void aReportPutsTheCameraInDisputeOnceEvenIfRepeated() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of());
        TestAccount reporter = Accounts.fresh(Role.VOLUNTEER);
        report(reporter, id, "wrong_position").statusCode(201).body("counted", equalTo(true))
                .body("reportId", notNullValue()).body("status", equalTo("disputed"));
        report(reporter, id, "wrong_position").statusCode(200).body("counted", equalTo(false))
                .body("reason", equalTo("already-reported"));
        assertEquals("disputed", status(id));
        given().get("/api/cameras/{id}", id).then().header("ETag", "\"1\"");
    }

    @Test
    void twoVolunteersSayingItIsGoneMarkItRemoved() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of());
        TestAccount first = Accounts.fresh(Role.VOLUNTEER);
        report(first, id, "gone").statusCode(201).body("status", equalTo("disputed"));
        // The same volunteer again does not make two.
        report(first, id, "gone").statusCode(200);
        report(first, id, "fake").statusCode(201).body("status", equalTo("disputed"));
        report(Accounts.fresh(Role.VOLUNTEER), id, "gone").statusCode(201).body("status", equalTo("removed"));
        assertEquals("removed", status(id));
    }

    @Test
    void twoGoneReportsSentAtTheSameMomentStillRemoveIt() throws Exception {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of());
        TestAccount a = Accounts.fresh(Role.VOLUNTEER);
        TestAccount b = Accounts.fresh(Role.VOLUNTEER);
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> report(a, id, "gone").extract().statusCode());
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> report(b, id, "gone").extract().statusCode());
        assertEquals(List.of(201, 201), List.of(one.get(), two.get()));
        assertEquals("removed", status(id));
    }

    @Test
    void aReportNeedsAKnownReasonAndAnAccount() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of());
        TestAccount who = Accounts.fresh(Role.VOLUNTEER);
        who.request().body(Map.of("reason", "ugly", "comment", "x".repeat(1001)))
                .post("/api/cameras/{id}/reports", id).then().statusCode(400).contentType(Api.PROBLEM)
                .body("errors.field", equalTo(List.of("reason", "comment")));
        who.request().body("{").post("/api/cameras/{id}/reports", id).then().statusCode(400).contentType(Api.PROBLEM);
        who.request().body(Map.of("reason", "gone", "comment", "a\u0000b")).post("/api/cameras/{id}/reports", id)
                .then().statusCode(400).contentType(Api.PROBLEM);
        Api.json().body(Map.of("username", "a\u0000b", "password", Secrets.password("whatever it is, long"))).post("/api/auth/login")
                .then().statusCode(400).contentType(Api.PROBLEM);
        Api.json().body(Map.of("reason", "gone")).post("/api/cameras/{id}/reports", id).then().statusCode(401)
                .contentType(Api.PROBLEM);
        assertEquals("reported", status(id));
        report(who, 987654321L, "gone").statusCode(404).contentType(Api.PROBLEM).body("status", equalTo(404));
    }

    @Test
    void moderatorsSeeOpenReportsAndSettleThem() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of());
        TestAccount reporter = Accounts.fresh(Role.VOLUNTEER);
        report(reporter, id, "fake").statusCode(201);

        TestAccount moderator = Accounts.moderator();
        moderator.authorized().queryParam("limit", 1000).get("/api/moderation/reports").then().statusCode(200)
                .body("findAll { it.cameraId == " + id + " }.reporter", hasItem(reporter.username()));
        reporter.authorized().get("/api/moderation/reports").then().statusCode(403).contentType(Api.PROBLEM);

        moderator.request().body(Map.of("status", "disputed")).post("/api/moderation/cameras/{id}/resolution", id)
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        moderator.request().body(Map.of("status", "verified")).post("/api/moderation/cameras/{id}/resolution", id)
                .then().statusCode(200).body("status", equalTo("verified"));
        assertEquals("verified", status(id));
        moderator.authorized().queryParam("limit", 1000).get("/api/moderation/reports").then()
                .body("findAll { it.cameraId == " + id + " }", equalTo(List.of()));
    }

    @Test
    void aQueueLimitThatIsNotAWholeNumberFrom1To1000IsA400NamingIt() {
        TestAccount moderator = Accounts.moderator();
        for (String limit : List.of("abc", "1.5", "0", "-3", "1001", "99999999999")) {
            moderator.authorized().queryParam("limit", limit).get("/api/moderation/reports").then().statusCode(400)
                    .contentType(Api.PROBLEM).body("errors[0].field", equalTo("limit"));
        }
        moderator.authorized().queryParam("limit", " 5 ").get("/api/moderation/reports").then().statusCode(200);
        moderator.authorized().get("/api/moderation/reports").then().statusCode(200);
        moderator.authorized().queryParam("limit", "").get("/api/moderation/reports").then().statusCode(200); // as if absent
    }
}
