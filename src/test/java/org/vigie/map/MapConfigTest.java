package org.vigie.map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The map's settings endpoint and the Content-Security-Policy sent with the pages. */
@QuarkusTest
class MapConfigTest {

    @Test
    void settingsNameTheTileServerAndItsCredit() {
        given().get("/api/config").then().statusCode(200)
                .body("tileUrl", equalTo("/basemap/{z}/{x}/{y}.png"))
                .body("attribution", equalTo("© OpenStreetMap contributors"))
                .body("maxZoom", equalTo(19))
                // issue 15: what a visitor's device keeps for offline use (frontend/sw.js), the defaults
                .body("offline.areas", equalTo(300))
                .body("offline.tiles", equalTo(2000));
    }

    @Test
    void settingsListTheValuesOfEachEnumeratedProperty() {
        given().get("/api/config").then().statusCode(200)
                .body("values.kind", equalTo(List.of("camera", "alpr", "webcam", "guard", "other")))
                .body("values.filmsWorkstations", equalTo(List.of("yes", "no", "unknown")))
                .body("values.status", equalTo(List.of("reported", "verified", "disputed", "removed")))
                .body("values.staffInformed", equalTo(List.of("yes", "no", "unknown")))
                .body("values.staffBodyConsulted", equalTo(List.of("yes", "no", "unknown")))
                // issue 17: what a sign says
                .body("values.signNamesOperator", equalTo(List.of("yes", "no", "unknown")))
                .body("values.signGivesContact", equalTo(List.of("yes", "no", "unknown")))
                .body("values.reportReason", equalTo(List.of("gone", "wrong_position", "wrong_details", "fake")))
                .body("values.budgetPurpose", equalTo(List.of("purchase", "installation", "maintenance", "monitoring_staff", "other")))
                .body("values.requestOutcome", equalTo(List.of("pending", "answered", "partial", "refused")))
                // the camera's enumerated properties, and the four lists of the other forms
                .body("values.size()", equalTo(org.vigie.camera.attribute.CameraValues.ALL.size() + 4));
    }

    @Test
    void pagesCarryAPolicyWithoutInlineScriptsOrAnyThirdParty() throws Exception {
        // the one inline script allowed is index.html's import map, by the hash of its text as the file holds it now
        String page = Files.readString(Path.of("frontend/index.html"));
        int open = page.indexOf("<script type=\"importmap\">") + "<script type=\"importmap\">".length();
        String importMap = page.substring(open, page.indexOf("</script>", open));
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(importMap.getBytes(StandardCharsets.UTF_8)));
        String policy = given().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self' 'sha256-" + hash + "';"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .extract().header("Content-Security-Policy");
        given().get("/?embed=1").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self' 'sha256-" + hash + "';"));
        // the tiles come through this server's relay: no other origin is allowed anything
        assertEquals(true, policy.contains("img-src 'self' data:;"), policy);
        assertEquals(false, policy.contains("http"), policy);
        given().get("/q/health").then().header("Content-Security-Policy", (String) null);
    }

    @Test
    void tileOriginKeepsSchemeHostAndPortAndWildcardsSubdomains() {
        assertEquals("https://*.tile.example.org", ContentSecurityPolicy.tileOrigin("https://{s}.tile.example.org/{z}/{x}/{y}.png"));
        assertEquals("http://localhost:9000", ContentSecurityPolicy.tileOrigin("http://localhost:9000/tiles/{z}/{x}/{y}.png"));
        assertEquals("", ContentSecurityPolicy.tileOrigin("/tiles/{z}/{x}/{y}.png"));
    }

    @Test
    void onlyTheEmbeddableMapMayBeFramedByOtherSites() {
        given().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'self'"));
        given().get("/?embed=1").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors *"));
    }
}
