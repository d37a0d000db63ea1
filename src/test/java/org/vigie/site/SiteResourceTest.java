package org.vigie.site;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /api/sites: a workplace's sites, floors, cameras and report (issue 16). */
@QuarkusTest
class SiteResourceTest {

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    static Map<String, Object> townHall(double[] spot) {
        double d = 0.0005;
        List<List<Double>> ring = List.of(List.of(spot[0] - d, spot[1] - d), List.of(spot[0] + d, spot[1] - d),
                List.of(spot[0] + d, spot[1] + d), List.of(spot[0] - d, spot[1] + d), List.of(spot[0] - d, spot[1] - d));
        Map<String, Object> site = new HashMap<>();
        site.put("name", "Hôtel de ville d'Hénin-Beaumont");
        site.put("employer", "Commune d'Hénin-Beaumont");
        site.put("address", "Place Jean Jaurès, 62110 Hénin-Beaumont");
        site.put("outline", Map.of("type", "Polygon", "coordinates", List.of(ring)));
        site.put("floors", List.of(Map.of("level", "0", "name", "Rez-de-chaussée"), Map.of("level", "1", "name", "1er étage")));
        return site;
    }

    @Test
    void theHeninBeaumontTownHallReportSaysEightThreeEightAndTheRulesEachBreaks() {
        double[] spot = Api.freshSpot();
        long site = Api.asVolunteer().body(townHall(spot)).post("/api/sites").then().statusCode(201)
                .header("ETag", "\"1\"").header("Location", containsString("/api/sites/"))
                .body("name", equalTo("Hôtel de ville d'Hénin-Beaumont"))
                .body("geometry.type", equalTo("Point")).body("outline.type", equalTo("Polygon"))
                .body("floors.level", contains("0", "1")).body("cameraCount", equalTo(0))
                .extract().jsonPath().getLong("id");
        // eight cameras with zoom and audio, four per floor; three film workstations; staff never told
        for (int i = 0; i < 8; i++) {
            Map<String, Object> camera = new HashMap<>(Map.of("filmedArea", "indoor", "zone", "workplace",
                    "level", i < 4 ? "0" : "1", "capabilities", List.of("zoom", "audio"),
                    "filmsWorkstations", i < 3 ? "yes" : "no", "staffInformed", "no", "staffBodyConsulted", "unknown",
                    "site", site, "operator", "Commune d'Hénin-Beaumont"));
            if (i == 7) {
                camera.put("retentionDays", 90);
                camera.put("signage", "absent");
                camera.put("viewers", "le cabinet du maire");
            }
            Api.create(spot[0] + 0.00005 * i, spot[1], camera);
        }
        JsonPath report = given().get("/api/sites/" + site + "/report").then().statusCode(200)
                .body("site.name", equalTo("Hôtel de ville d'Hénin-Beaumont"))
                .body("summary.cameras", equalTo(8))
                .body("summary.filmsWorkstations", equalTo(3))
                .body("summary.recordsSound", equalTo(8))
                .body("summary.staffNotInformed", equalTo(8))
                .body("summary.staffBodyNotConsulted", equalTo(0))
                .body("summary.staffBodyConsultedUnknown", equalTo(8))
                .body("summary.retentionOver30Days", equalTo(1))
                .body("summary.noSign", equalTo(1))
                .body("floors.level", contains("0", "1"))
                .body("floors.name", contains("Rez-de-chaussée", "1er étage"))
                .body("floors[0].cameras", hasSize(4)).body("floors[1].cameras", hasSize(4))
                .extract().jsonPath();
        assertEquals(List.of("films-workstation", "records-sound", "staff-not-informed", "staff-body-not-consulted",
                "retention-over-30-days", "no-sign"), report.getList("rules.code"));
        assertEquals("Code du travail L1222-4", report.getString("rules.find { it.code == 'staff-not-informed' }.reference"));
        assertEquals("Code du travail L2312-38", report.getString("rules.find { it.code == 'staff-body-not-consulted' }.reference"));
        assertEquals(List.of("films-workstation", "records-sound", "staff-not-informed"), report.getList("floors[0].cameras[0].rules"));
        assertEquals(List.of("records-sound", "staff-not-informed", "retention-over-30-days", "no-sign"),
                report.getList("floors[1].cameras[3].rules"));
        // the same counts straight from the table
        assertEquals(3, sql.count("SELECT count(*) FROM camera WHERE site_id = ? AND visible AND films_workstations = 'yes'", site));
        assertEquals(8, sql.count("SELECT count(*) FROM camera WHERE site_id = ? AND visible AND 'audio' = ANY(capabilities)", site));

        given().get("/api/sites/" + site + "/cameras").then().statusCode(200)
                .body("features", hasSize(8))
                .body("features[0].properties.site.id", equalTo((int) site))
                .body("features[0].properties.site.name", equalTo("Hôtel de ville d'Hénin-Beaumont"))
                .body("features[0].properties.staffInformed", equalTo("no"))
                .body("features[7].properties.retentionDays", equalTo(90))
                .body("features[7].properties.viewers", equalTo("le cabinet du maire"));
        given().get("/api/sites/" + site).then().statusCode(200).body("cameraCount", equalTo(8));
        // a camera placed inside the outline is offered the site; one outside is not
        given().queryParam("at", spot[0] + "," + spot[1]).get("/api/sites").then().statusCode(200)
                .body("id", contains((int) site));
        given().queryParam("at", (spot[0] + 0.01) + "," + spot[1]).get("/api/sites").then().statusCode(200)
                .body("", hasSize(0));
    }

    @Test
    void sitesAreEditedWithTheirVersionAndFoundByPlaceOrName() {
        double[] spot = Api.freshSpot();
        Map<String, Object> body = townHall(spot);
        body.put("name", "Conseil régional Bourgogne-Franche-Comté " + spot[0]);
        long id = Api.asVolunteer().body(body).post("/api/sites").then().statusCode(201).extract().jsonPath().getLong("id");
        body.put("floors", List.of(Map.of("level", "1", "name", "Étage 1"), Map.of("level", "0", "name", "RDC"),
                Map.of("level", "2", "name", "Étage 2")));
        body.put("address", "4 square Castan, Besançon");
        Api.asVolunteer().header("If-Match", "\"1\"").body(body).put("/api/sites/" + id).then().statusCode(200)
                .header("ETag", "\"2\"").body("version", equalTo(2)).body("floors.level", contains("1", "0", "2"))
                .body("address", equalTo("4 square Castan, Besançon"));
        Api.asVolunteer().header("If-Match", "\"1\"").body(body).put("/api/sites/" + id).then().statusCode(409)
                .contentType(Api.PROBLEM).body("currentVersion", equalTo(2));
        Api.asVolunteer().body(body).put("/api/sites/" + id).then().statusCode(428);
        given().contentType("application/json").body(body).post("/api/sites").then().statusCode(401);

        given().queryParam("bbox", Api.bboxAround(spot, 0.01)).get("/api/sites").then().statusCode(200)
                .body("id", contains((int) id));
        given().queryParam("q", "FRANCHE-comté " + spot[0]).get("/api/sites").then().statusCode(200)
                .body("id", contains((int) id));
        given().queryParam("q", "rien de tel " + spot[0]).get("/api/sites").then().statusCode(200).body("", hasSize(0));
        given().get("/api/sites/999999999").then().statusCode(404).contentType(Api.PROBLEM);
    }

    @Test
    void badSitesAndCameraSitesAreRefusedNamingTheField() {
        double[] spot = Api.freshSpot();
        Map<String, Object> body = townHall(spot);
        body.put("floors", List.of(Map.of("level", "0", "name", "RDC"), Map.of("level", "0", "name", "bis"),
                Map.of("name", "sans niveau"), Map.of("level", "3", "colour", "red")));
        body.put("colour", "blue");
        body.remove("name");
        JsonPath problem = Api.asVolunteer().body(body).post("/api/sites").then().statusCode(400).contentType(Api.PROBLEM)
                .extract().jsonPath();
        List<String> fields = problem.getList("errors.field");
        for (String field : List.of("name", "colour", "floors[1].level", "floors[2].level", "floors[3].colour")) {
            assertTrue(fields.contains(field), field + " in " + fields);
        }
        Map<String, Object> open = townHall(spot);
        open.put("outline", Map.of("type", "Polygon", "coordinates",
                List.of(List.of(List.of(0, 0), List.of(1, 0), List.of(1, 1), List.of(0, 1)))));
        Api.asVolunteer().body(open).post("/api/sites").then().statusCode(400).body("errors.field", hasItem("outline.coordinates[0]"));
        Map<String, Object> nowhere = townHall(spot);
        nowhere.remove("outline");
        Api.asVolunteer().body(nowhere).post("/api/sites").then().statusCode(400).body("errors.field", hasItem("geometry"));

        Api.asVolunteer().queryParam("confirmDuplicate", "true")
                .body(Api.feature(spot[0], spot[1], Map.of("site", 999999999, "retentionDays", 4000, "staffInformed", "perhaps")))
                .post("/api/cameras").then().statusCode(400)
                .body("errors.field", hasItem("properties.retentionDays"))
                .body("errors.field", hasItem("properties.staffInformed"));
        Api.asVolunteer().queryParam("confirmDuplicate", "true")
                .body(Api.feature(spot[0], spot[1], Map.of("site", 999999999)))
                .post("/api/cameras").then().statusCode(400).body("errors.field", hasItem("properties.site"));
    }

    @Test
    void aCameraLeavesItsSiteAndARevertBringsItBack() {
        double[] spot = Api.freshSpot();
        long site = Api.asVolunteer().body(townHall(spot)).post("/api/sites").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long camera = Api.create(spot[0], spot[1], Map.of("site", site, "staffInformed", "yes", "retentionDays", 15));
        int version = Api.update(camera, 1, spot[0], spot[1], Map.of("level", "1"));
        given().get("/api/cameras/" + camera).then().body("properties.site", nullValue())
                .body("properties.staffInformed", equalTo("unknown"));
        Accounts.moderator().request().header("If-Match", "\"" + version + "\"").body(Map.of("version", 1))
                .post("/api/cameras/" + camera + "/revert").then().statusCode(200);
        given().get("/api/cameras/" + camera).then().body("properties.site.id", equalTo((int) site))
                .body("properties.staffInformed", equalTo("yes")).body("properties.retentionDays", equalTo(15));
    }
}
