package org.vigie.watch;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What citizen watch records of a camera itself (issue 17), through the API: the day it was first
 * seen and the day it entered Vigie, what its sign says, and the authorisation that covers it; each
 * kept in the history, in the search, and in the CSV export.
 */
@QuarkusTest
class CameraWatchFactsTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    Sql sql;

    @Test
    void aCameraIsFirstSeenTheDayTheVolunteerSaysOrTheDayItIsAddedAndAnEditKeepsIt() {
        Api.init();
        double[] spot = Api.freshSpot();
        long today = Api.create(spot[0], spot[1], Map.of());
        JsonPath added = given().get("/api/cameras/{id}", today).then().statusCode(200).extract().jsonPath();
        assertEquals(TODAY.toString(), added.getString("properties.firstSeen"));
        assertEquals(added.getString("properties.createdAt"), added.getString("properties.addedAt"));

        long seen = Api.create(spot[0] + 0.001, spot[1], Map.of("firstSeen", "2019-03-14"));
        given().get("/api/cameras/{id}", seen).then().body("properties.firstSeen", equalTo("2019-03-14"));
        // an edit that does not say keeps the day; one that says changes it, and the history names it
        int v2 = Api.update(seen, 1, spot[0] + 0.001, spot[1], Map.of("operator", "Mairie"));
        given().get("/api/cameras/{id}", seen).then().body("properties.firstSeen", equalTo("2019-03-14"));
        Api.update(seen, v2, spot[0] + 0.001, spot[1], Map.of("operator", "Mairie", "firstSeen", "2018-01-02"));
        given().get("/api/cameras/{id}/history", seen).then().statusCode(200)
                .body("[2].changedFields", hasItem("firstSeen"))
                .body("[1].feature.properties.firstSeen", equalTo("2019-03-14"));
        assertEquals("2018-01-02", sql.text("SELECT first_seen::text FROM camera WHERE id = ?", seen));

        Api.asVolunteer().body(Api.feature(spot[0], spot[1], Map.of("firstSeen", "08/07/16"))).post("/api/cameras")
                .then().statusCode(400).contentType(Api.PROBLEM).body("errors.field", equalTo(List.of("properties.firstSeen")));
        for (String wrong : List.of(TODAY.plusDays(3).toString(), "1949-12-31", "2021-02-30")) {
            Api.asVolunteer().body(Api.feature(spot[0], spot[1], Map.of("firstSeen", wrong))).post("/api/cameras")
                    .then().statusCode(400).body("errors.field", equalTo(List.of("properties.firstSeen")));
        }
    }

    @Test
    void whatTheSignSaysIsKeptForASignThatIsThereAndRefusedOtherwise() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("signage", "present", "signNamesOperator", "no", "signGivesContact", "yes"));
        given().get("/api/cameras/{id}", id).then().statusCode(200)
                .body("properties.signNamesOperator", equalTo("no"))
                .body("properties.signGivesContact", equalTo("yes"));
        Api.asVolunteer().body(Api.feature(spot[0], spot[1], Map.of("signage", "absent", "signNamesOperator", "yes",
                        "signGivesContact", "no"))).post("/api/cameras").then().statusCode(400).contentType(Api.PROBLEM)
                .body("errors.field", containsInAnyOrder("properties.signNamesOperator", "properties.signGivesContact"));
        Api.asVolunteer().body(Api.feature(spot[0], spot[1], Map.of("signage", "present", "signNamesOperator", "maybe")))
                .post("/api/cameras").then().statusCode(400).body("errors.field", equalTo(List.of("properties.signNamesOperator")));
        // the sign taken down: what it said goes with it
        Api.update(id, 1, spot[0], spot[1], Map.of("signage", "absent"));
        given().get("/api/cameras/{id}", id).then().body("properties.signNamesOperator", equalTo("unknown"));
        given().get("/api/cameras/{id}/history", id).then()
                .body("[1].changedFields", equalTo(List.of("signGivesContact", "signNamesOperator", "signage")));
        given().get("/api/config").then().statusCode(200)
                .body("values.signNamesOperator", equalTo(List.of("yes", "no", "unknown")))
                .body("values.signGivesContact", equalTo(List.of("yes", "no", "unknown")));
    }

    @Test
    void aPhotoMayShowTheSignRatherThanTheCamera() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("signage", "present"));
        byte[] jpeg = org.vigie.support.TestImages.phoneJpeg(60, 40, 1);
        Accounts.volunteer().authorized().multiPart("file", "camera.jpg", jpeg, "image/jpeg")
                .post("/api/cameras/{id}/photos", id).then().statusCode(201).body("ofSign", equalTo(false));
        Accounts.volunteer().authorized().multiPart("file", "sign.jpg", jpeg, "image/jpeg").multiPart("sign", "true")
                .post("/api/cameras/{id}/photos", id).then().statusCode(201).body("ofSign", equalTo(true));
        Accounts.volunteer().authorized().multiPart("file", "sign.jpg", jpeg, "image/jpeg").multiPart("sign", "yes")
                .post("/api/cameras/{id}/photos", id).then().statusCode(400).contentType(Api.PROBLEM)
                .body("errors[0].field", equalTo("sign"));
        given().get("/api/cameras/{id}/photos", id).then().statusCode(200).body("ofSign", equalTo(List.of(false, true)));
    }

    @Test
    void aCameraNamesAnAuthorisationOfItsCityAndTheSearchAndExportShowIt() {
        Object[] city = WatchTestCities.city(sql, "Autorisée-caméras");
        String code = (String) city[0];
        double lon = (Double) city[1];
        double lat = (Double) city[2];
        long authorisation = Accounts.moderator().request().body(Map.of("reference", "2023-PP-77", "decidedOn", "2023-01-10",
                        "authority", "Préfecture", "camerasAuthorised", 12)).post("/api/cities/" + code + "/authorisations")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Object[] other = WatchTestCities.city(sql, "Autre");
        long elsewhere = Accounts.moderator().request().body(Map.of("reference", "X-1", "decidedOn", "2023-01-10",
                        "authority", "Préfecture")).post("/api/cities/" + other[0] + "/authorisations")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        Map<String, Object> p = new HashMap<>(Map.of("operatorType", "public", "authorisation", authorisation,
                "firstSeen", "2023-02-01"));
        long id = Api.create(lon, lat, p);
        given().get("/api/cameras/{id}", id).then().statusCode(200)
                .body("properties.authorisation.id", equalTo((int) authorisation))
                .body("properties.authorisation.reference", equalTo("2023-PP-77"))
                .body("properties.authorisation.validUntil", equalTo("2028-01-10"));
        given().get("/api/cities/" + code + "/authorisations").then().body("camerasNamingIt", equalTo(List.of(1)));
        given().get("/api/cities/" + code + "/dossier").then().body("authorisations.entries[0].camerasNamingIt", equalTo(1));
        // the search reads its rows without entities: the same properties
        JsonPath found = given().queryParam("city", code).get("/api/cameras").then().statusCode(200).extract().jsonPath();
        JsonPath one = given().get("/api/cameras/{id}", id).then().extract().jsonPath();
        assertEquals(one.getMap("properties"), found.getMap("features[0].properties"));

        Api.asVolunteer().body(Api.feature(lon, lat, Map.of("authorisation", elsewhere))).post("/api/cameras?confirmDuplicate=true")
                .then().statusCode(400).body("errors[0].field", equalTo("properties.authorisation"));
        Api.asVolunteer().body(Api.feature(lon, lat, Map.of("authorisation", 987654321L))).post("/api/cameras?confirmDuplicate=true")
                .then().statusCode(400).body("errors[0].field", equalTo("properties.authorisation"));
        Api.asVolunteer().body(Api.feature(lon, lat, Map.of("authorisation", "2023-PP-77"))).post("/api/cameras?confirmDuplicate=true")
                .then().statusCode(400).body("errors[0].field", equalTo("properties.authorisation"));
        // sent back as the API answers it, an object with its id, the camera keeps it
        Api.update(id, 1, lon, lat, Map.of("operatorType", "public", "authorisation",
                Map.of("id", authorisation, "reference", "2023-PP-77")));
        given().get("/api/cameras/{id}", id).then().body("properties.authorisation.id", equalTo((int) authorisation));
        Api.update(id, 2, lon, lat, Map.of("operatorType", "public"));
        given().get("/api/cameras/{id}", id).then().body("properties.authorisation", nullValue());

        String csv = given().queryParam("format", "csv").queryParam("city", code).get("/api/cameras/export")
                .then().statusCode(200).extract().asString();
        List<String> header = List.of(csv.lines().findFirst().orElseThrow().split(","));
        assertTrue(header.containsAll(List.of("firstSeen", "addedAt", "signNamesOperator", "authorisationReference")), header.toString());
        String row = csv.lines().skip(1).findFirst().orElseThrow();
        assertEquals("2023-02-01", row.split(",")[header.indexOf("firstSeen")]);
    }
}
