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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A city's registers (authorisations, budget, records requests) and its dossier, against SQL counts. */
@QuarkusTest
class CityWatchResourceTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    Sql sql;

    @Test
    void moderatorsRecordAuthorisationsAnyoneReadsThemAndBadFieldsAreNamed() {
        Api.init();
        String code = (String) WatchTestCities.city(sql, "Authorisée")[0];
        Map<String, Object> recent = Map.of("reference", "2024-PP-12", "decidedOn", TODAY.minusYears(1).toString(),
                "authority", "Préfecture de police", "camerasAuthorised", 40, "perimeter", "Centre-ville",
                "actUrl", "https://example.org/arrete.pdf");
        Accounts.volunteer().request().body(recent).post("/api/cities/" + code + "/authorisations").then().statusCode(403);
        given().contentType("application/json").body(recent).post("/api/cities/" + code + "/authorisations").then().statusCode(401);

        Accounts.moderator().request().body(recent).post("/api/cities/" + code + "/authorisations").then().statusCode(201)
                .body("validUntil", equalTo(TODAY.minusYears(1).plusYears(5).toString()))
                .body("expired", equalTo(false));
        Accounts.moderator().request().body(Map.of("reference", "2015-12", "decidedOn", "2015-03-01", "authority", "Préfet",
                "camerasAuthorised", 10)).post("/api/cities/" + code + "/authorisations").then().statusCode(201)
                .body("expired", equalTo(true));

        given().get("/api/cities/" + code + "/authorisations").then().statusCode(200)
                .body("reference", equalTo(List.of("2015-12", "2024-PP-12")))
                .body("expired", equalTo(List.of(true, false)));

        Accounts.moderator().request().body(Map.of("decidedOn", "01/03/2015", "authority", "Préfet", "actUrl", "javascript:alert(1)",
                "validUntil", "2010-01-01")).post("/api/cities/" + code + "/authorisations").then().statusCode(400)
                .contentType(Api.PROBLEM)
                .body("errors.field", containsInAnyOrder("reference", "decidedOn", "actUrl"));
        Accounts.moderator().request().body(Map.of("reference", "x", "decidedOn", "2020-01-01", "authority", "P",
                "validUntil", "2019-01-01")).post("/api/cities/" + code + "/authorisations").then().statusCode(400)
                .body("errors.field", equalTo(List.of("validUntil")));
        assertEquals(2, sql.count("SELECT count(*) FROM city_authorisation WHERE city_code = ?", code));

        given().get("/api/cities/NOPE-17/authorisations").then().statusCode(404).contentType(Api.PROBLEM);
        Accounts.moderator().request().body(recent).post("/api/cities/NOPE-17/authorisations").then().statusCode(404);
    }

    @Test
    void requestsAgeAndTurnOverdueAfterAMonthUntilAnswered() {
        Api.init();
        String code = (String) WatchTestCities.city(sql, "Demandée")[0];
        long old = Accounts.moderator().request().body(Map.of("subject", "camera_list", "sentOn", TODAY.minusDays(45).toString()))
                .post("/api/cities/" + code + "/requests").then().statusCode(201)
                .body("outcome", equalTo("pending")).body("ageDays", equalTo(45)).body("overdue", equalTo(true))
                .extract().jsonPath().getLong("id");
        Accounts.moderator().request().body(Map.of("subject", "budgets", "sentOn", TODAY.minusDays(3).toString()))
                .post("/api/cities/" + code + "/requests").then().statusCode(201).body("overdue", equalTo(false));
        Accounts.moderator().request().body(Map.of("subject", "everything", "sentOn", TODAY.plusDays(3).toString()))
                .post("/api/cities/" + code + "/requests").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("subject", "sentOn"));

        Accounts.moderator().request().header("If-Match", "\"1\"").body(Map.of("outcome", "partial", "answeredOn", TODAY.minusDays(5).toString(),
                "notes", "list without positions")).put("/api/cities/" + code + "/requests/" + old + "/answer").then().statusCode(200)
                .body("outcome", equalTo("partial")).body("ageDays", equalTo(40)).body("overdue", equalTo(false));
        Accounts.moderator().request().header("If-Match", "\"2\"").body(Map.of("outcome", "answered", "answeredOn", TODAY.minusDays(400).toString()))
                .put("/api/cities/" + code + "/requests/" + old + "/answer").then().statusCode(400)
                .body("errors.field", equalTo(List.of("answeredOn")));
        Accounts.volunteer().request().body(Map.of("outcome", "refused", "answeredOn", TODAY.toString()))
                .put("/api/cities/" + code + "/requests/" + old + "/answer").then().statusCode(403);

        given().get("/api/cities/" + code + "/requests").then().statusCode(200)
                .body("subject", equalTo(List.of("camera_list", "budgets")))
                .body("outcome", equalTo(List.of("partial", "pending")));
    }

    @Test
    void theDossierAgreesWithTheDatabase() {
        Api.init();
        Object[] city = WatchTestCities.city(sql, "Dossierville");
        String code = (String) city[0];
        double lon = (Double) city[1];
        double lat = (Double) city[2];
        long signed = camera(lon, lat, "public", "public", "present", "2016-07-08");
        camera(lon + 0.001, lat, "public", "outdoor", "absent", "2016-12-31");
        camera(lon + 0.002, lat, "public", "public", "unknown", "2018-01-01");
        long verified = camera(lon + 0.003, lat, "public", "outdoor", "present", "2018-05-01");
        long undated = camera(lon + 0.004, lat, "private", "indoor", "absent", null); // indoors: no sign owed, not counted
        // what the sign says (issue 17): the first names no operator; the other sign present is left unchecked
        sql.update("UPDATE camera SET sign_names_operator = 'no', sign_gives_contact = 'yes' WHERE id = ?", signed);
        // as an import whose source dates nothing leaves it
        sql.update("UPDATE camera SET first_seen = NULL WHERE id = ?", undated);
        Accounts.moderator().request().body(Map.of("status", "verified"))
                .post("/api/moderation/cameras/" + verified + "/resolution").then().statusCode(200);
        sql.update("UPDATE camera SET source = 'osm', source_id = 'node/' || id WHERE id = ?", verified);

        Accounts.moderator().request().body(Map.of("reference", "A1", "decidedOn", TODAY.minusYears(2).toString(),
                "authority", "Préfet", "camerasAuthorised", 10)).post("/api/cities/" + code + "/authorisations").then().statusCode(201);
        Accounts.moderator().request().body(Map.of("reference", "A0", "decidedOn", "2012-01-01",
                "authority", "Préfet", "camerasAuthorised", 99)).post("/api/cities/" + code + "/authorisations").then().statusCode(201);
        budget(code, 2024, "1000.50", "purchase");
        budget(code, 2024, "2000", "maintenance");
        budget(code, 2023, "400", "monitoring_staff");
        Accounts.moderator().request().body(Map.of("year", 2024, "amount", 1.005, "purpose", "gold"))
                .post("/api/cities/" + code + "/budget").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("amount", "purpose"));
        Accounts.moderator().request().body(Map.of("subject", "authorisations", "sentOn", TODAY.minusDays(40).toString()))
                .post("/api/cities/" + code + "/requests").then().statusCode(201);

        JsonPath d = given().get("/api/cities/" + code + "/dossier").then().statusCode(200).extract().jsonPath();
        String inCity = " FROM camera WHERE city_code = '" + code + "' AND visible";
        assertEquals(sql.count("SELECT count(*)" + inCity), d.getLong("cameras.total"));
        assertEquals(5, d.getLong("cameras.total"));
        assertEquals(sql.count("SELECT count(*)" + inCity + " AND operator_type = 'public'"), d.getLong("cameras.byOperatorType.public"));
        assertEquals(0.2, d.getDouble("cameras.verifiedShare"), 1e-6);
        String publicSpace = inCity + " AND filmed_area IN ('public', 'outdoor')";
        assertEquals(sql.count("SELECT count(*)" + publicSpace), d.getLong("signs.publicSpace"));
        assertEquals(sql.count("SELECT count(*)" + publicSpace + " AND signage = 'present'"), d.getLong("signs.present"));
        assertEquals(sql.count("SELECT count(*)" + publicSpace + " AND signage = 'absent'"), d.getLong("signs.absent"));
        assertEquals(sql.count("SELECT count(*)" + publicSpace + " AND signage = 'unknown'"), d.getLong("signs.unknown"));
        assertEquals(2.0 / 3, d.getDouble("signs.complianceShare"), 1e-6);
        assertEquals(Map.of("yes", 0, "no", 1, "unknown", 1), d.getMap("signs.namesOperator"));
        assertEquals(Map.of("yes", 1, "no", 0, "unknown", 1), d.getMap("signs.givesContact"));

        assertEquals(1, d.getLong("authorisations.inForce"));
        assertEquals(1, d.getLong("authorisations.expired"));
        assertEquals(10, d.getLong("authorisations.camerasAuthorised"));
        assertEquals(4, d.getLong("authorisations.camerasMapped"));
        assertEquals(List.of(2023, 2024), d.getList("budget.perYear.year"));
        assertEquals(3000.5, d.getDouble("budget.perYear[1].total"), 1e-6);
        assertEquals(750.13, d.getDouble("budget.perYear[1].perCamera"), 1e-6); // 3000.50 over 4 public cameras
        assertEquals(1, d.getLong("requests.pending"));
        assertEquals(1, d.getLong("requests.overdue"));

        Map<String, Object> osm = d.getMap("sources.find { it.source == 'osm' }");
        assertEquals(1, ((Number) osm.get("cameras")).intValue());
        assertEquals("ODbL-1.0", osm.get("licence"));
        Map<String, Object> volunteers = d.getMap("sources.find { it.source == 'volunteer' }");
        assertEquals(4, ((Number) volunteers.get("cameras")).intValue());
        assertNull(volunteers.get("licence"));
        // the timeline counts the cameras' true dates: the day the volunteer saw each, or none for the one no source dates
        assertEquals("firstSeen", d.getString("timeline.basis"));
        assertEquals(sql.count("SELECT count(*)" + inCity + " AND first_seen IS NULL"), d.getLong("timeline.undated"));
        assertEquals(1, d.getLong("timeline.undated"));
        assertEquals(List.of(2016, 2017, 2018), d.getList("timeline.years.year"));
        assertEquals(List.of(2, 0, 2), d.getList("timeline.years.count"));
        assertEquals(sql.count("SELECT count(*)" + inCity + " AND extract(year FROM first_seen) = 2016"),
                d.getLong("timeline.years[0].count"));
        assertEquals(5, d.getList("timeline.addedPerMonth.count", Integer.class).stream().mapToInt(Integer::intValue).sum());

        given().get("/api/cities/NOPE-17/dossier").then().statusCode(404).contentType(Api.PROBLEM)
                .body("detail", org.hamcrest.Matchers.containsString("NOPE-17"));
    }

    private static long camera(double lon, double lat, String operatorType, String filmedArea, String signage,
                               String firstSeen) {
        Map<String, Object> p = new HashMap<>();
        if (firstSeen != null) {
            p.put("firstSeen", firstSeen);
        }
        p.put("operatorType", operatorType);
        p.put("filmedArea", filmedArea);
        p.put("signage", signage);
        return Api.create(lon, lat, p);
    }

    private static void budget(String code, int year, String euros, String purpose) {
        Accounts.moderator().request().body("{\"year\": " + year + ", \"amount\": " + euros + ", \"purpose\": \"" + purpose + "\"}")
                .post("/api/cities/" + code + "/budget").then().statusCode(201)
                .body("purpose", equalTo(purpose));
    }
}
