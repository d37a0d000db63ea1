package org.vigie.camera;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A camera's own dates are days, wherever it is read: a time of day on each camera a volunteer
 * added, changed or confirmed would draw their walk. A version's exact time stays for moderators.
 */
@QuarkusTest
class CameraDaysTest {

    private static final List<String> TIMES = List.of("createdAt", "addedAt", "updatedAt", "lastConfirmedAt");

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void aCamerasDatesAreDaysInTheApiTheListsTheExportsAndTheHistory() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("operator", "Mairie"));
        Accounts.established(Role.VOLUNTEER).authorized().post("/api/cameras/{id}/confirmations", id).then().statusCode(201);
        Api.update(id, 1, spot[0], spot[1], Map.of("operator", "Mairie annexe"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        JsonPath one = given().get("/api/cameras/{id}", id).then().statusCode(200).extract().jsonPath();
        JsonPath listed = given().queryParam("bbox", Api.bboxAround(spot, 0.001)).get("/api/cameras").then().statusCode(200)
                .extract().jsonPath();
        JsonPath exported = given().queryParam("bbox", Api.bboxAround(spot, 0.001)).queryParam("format", "geojson")
                .get("/api/cameras/export").then().statusCode(200).extract().jsonPath();
        for (String time : TIMES) {
            assertEquals(today, one.getString("properties." + time), time);
            assertEquals(today, listed.getString("features.find { it.id == " + id + " }.properties." + time), time);
            assertEquals(today, exported.getString("features.find { it.id == " + id + " }.properties." + time), time);
        }
        String csv = given().queryParam("bbox", Api.bboxAround(spot, 0.001)).queryParam("format", "csv")
                .get("/api/cameras/export").then().statusCode(200).extract().asString();
        assertTrue(csv.contains("," + today + ","), csv);
        assertTrue(!csv.matches("(?s).*" + today + "T\\d.*"), "a time of day in the CSV: " + csv);

        // a snapshot written before the dates became days still holds the instant: the history shows its day
        sql.update("UPDATE camera_version SET snapshot = jsonb_set(snapshot, '{properties,createdAt}', to_jsonb(?::text))"
                + " WHERE camera_id = ? AND version = 1", today + "T14:32:11.123456Z", id);
        JsonPath history = given().get("/api/cameras/{id}/history", id).then().statusCode(200).extract().jsonPath();
        for (int v = 0; v < 2; v++) {
            for (String time : List.of("createdAt", "updatedAt")) {
                assertEquals(today, history.getString("[" + v + "].feature.properties." + time), "version " + (v + 1) + " " + time);
            }
        }
        assertNull(history.get("[0].at"), "the public gets the version's day only");
        JsonPath moderators = Accounts.moderator().authorized().get("/api/cameras/{id}/history", id).then().statusCode(200)
                .extract().jsonPath();
        assertNotNull(moderators.getString("[0].at"));
        assertTrue(moderators.getString("[0].at").startsWith(today + "T"), "moderators keep the exact time");
    }
}
