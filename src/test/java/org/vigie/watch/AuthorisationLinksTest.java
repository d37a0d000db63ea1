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
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17: the authorisations offered to a camera where it stands (the add form knows the point, not the
 * city), and no visible camera naming a deleted one, hidden cameras included once shown again.
 */
@QuarkusTest
class AuthorisationLinksTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    Sql sql;

    private static long authorisation(String code, String reference, String decidedOn) {
        return Accounts.moderator().request().body(Map.of("reference", reference, "decidedOn", decidedOn, "authority", "Préfet"))
                .post("/api/cities/" + code + "/authorisations").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void thePointsCityAndItsAuthorisationsAreOfferedToACameraPlacedThere() {
        Api.init();
        Object[] city = WatchTestCities.city(sql, "Arrêtéville");
        String code = (String) city[0];
        double lon = (Double) city[1];
        double lat = (Double) city[2];
        long old = authorisation(code, "2015-PP-9", "2015-06-01");
        long current = authorisation(code, "2024-PP-3", TODAY.minusYears(1).toString());
        long gone = authorisation(code, "2024-TYPO", TODAY.minusYears(1).toString());
        Accounts.moderator().request().header("If-Match", "\"1\"").delete("/api/cities/" + code + "/authorisations/" + gone)
                .then().statusCode(204);
        String elsewhere = (String) WatchTestCities.city(sql, "Ailleurs")[0];
        authorisation(elsewhere, "2024-AILLEURS", TODAY.minusYears(1).toString());

        given().queryParam("at", lon + "," + lat).get("/api/authorisations").then().statusCode(200)
                .body("city.code", equalTo(code)).body("city.name", equalTo("Arrêtéville"))
                .body("authorisations.id", equalTo(List.of((int) old, (int) current)))
                .body("authorisations.expired", equalTo(List.of(true, false)))
                .body("authorisations.reference", equalTo(List.of("2015-PP-9", "2024-PP-3")));
        double[] nowhere = Api.freshSpot();
        given().queryParam("at", nowhere[0] + "," + nowhere[1]).get("/api/authorisations").then().statusCode(200)
                .body("city", nullValue()).body("authorisations.size()", equalTo(0));

        for (String bad : List.of("", "2.35", "abc,48.8", "200,10", "2.3,95", "NaN,1")) {
            given().queryParam("at", bad).get("/api/authorisations").then().statusCode(400).contentType(Api.PROBLEM)
                    .body("errors[0].field", equalTo("at"));
        }
        given().get("/api/authorisations").then().statusCode(400).body("errors[0].field", equalTo("at"));
        given().header("Accept-Language", "fr").get("/api/authorisations").then().statusCode(400)
                .body("errors[0].reason", equalTo("est requis : lon,lat en degrés"));
        given().queryParam("at", lon + "," + lat).queryParam("city", code).get("/api/authorisations").then().statusCode(400)
                .body("errors[0].field", equalTo("city"));

        // the camera first added there names one of them; the deleted one and another city's are refused
        Api.asVolunteer().queryParam("confirmDuplicate", "true").body(Api.feature(lon, lat, Map.of("authorisation", current)))
                .post("/api/cameras").then().statusCode(201).body("properties.authorisation.reference", equalTo("2024-PP-3"));
        for (long refused : List.of(gone, old + 987654321L)) {
            Api.asVolunteer().queryParam("confirmDuplicate", "true").body(Api.feature(lon, lat, Map.of("authorisation", refused)))
                    .post("/api/cameras").then().statusCode(400).body("errors.field", equalTo(List.of("properties.authorisation")));
        }
    }

    @Test
    void aHiddenCameraDoesNotHoldItsAuthorisationBackAndComesBackNamingNone() {
        Api.init();
        Object[] city = WatchTestCities.city(sql, "Cachéeville");
        String code = (String) city[0];
        String url = "/api/cities/" + code + "/authorisations/";
        long named = authorisation(code, "2023-CACHÉE", TODAY.minusYears(2).toString());
        long camera = Api.create((Double) city[1], (Double) city[2], Map.of("operatorType", "public", "authorisation", named));
        Accounts.moderator().request().header("If-Match", "\"1\"").delete(url + named).then().statusCode(409)
                .body("cameras", equalTo(1));

        // hidden by a moderator: nobody can edit it, so it does not keep the wrong entry in the register
        Accounts.moderator().authorized().post("/api/moderation/cameras/{id}/hide", camera).then().statusCode(200);
        Accounts.moderator().request().header("If-Match", "\"1\"").delete(url + named).then().statusCode(204);
        assertEquals(named, sql.count("SELECT authorisation_id FROM camera WHERE id = ?", camera), "hidden, it is left as it was");

        // shown again, it names none, in the restoring version, which says why
        Accounts.moderator().authorized().post("/api/moderation/cameras/{id}/restore", camera).then().statusCode(200);
        given().get("/api/cameras/{id}", camera).then().statusCode(200).body("properties.authorisation", nullValue());
        JsonPath history = given().get("/api/cameras/{id}/history", camera).then().statusCode(200).extract().jsonPath();
        List<String> actions = history.getList("action");
        assertEquals(List.of("create", "hide", "restore"), actions);
        assertEquals(List.of("authorisation", "visible"), history.getList("[2].changedFields"));
        assertTrue(history.getString("[2].reason").contains("authorisation " + named + " was deleted"), history.getString("[2].reason"));
        assertEquals(0, sql.count("SELECT count(*) FROM camera c JOIN city_authorisation a ON a.id = c.authorisation_id "
                + "WHERE c.visible AND a.removed_at IS NOT NULL AND a.city_code = ?", code));
        given().get("/api/cities/" + code + "/dossier").then().statusCode(200).body("authorisations.entries.size()", equalTo(0));
        given().get("/api/cities/" + code + "/registers/changes").then().statusCode(200)
                .body("changes[0].action", equalTo("deleted")).body("changes[0].entry.reference", containsString("CACHÉE"));
    }
}
