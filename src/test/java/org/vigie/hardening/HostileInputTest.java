package org.vigie.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.support.Api.PROBLEM;

/**
 * Issue 19's hostile requests: each is a 4xx problem naming what is wrong, never a 500, never a Java
 * name or a server path, and nothing is stored.
 */
@QuarkusTest
class HostileInputTest {

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void aFractionalIdIsNotRoundedIntoAnotherCamera() {
        double[] spot = Api.freshSpot();
        long kept = Api.create(spot[0], spot[1], Map.of("kind", "camera"));
        long duplicate = Api.create(spot[0] + 0.0001, spot[1], Map.of("kind", "camera"));
        Accounts.moderator().authorized().contentType("application/json").body("{\"into\": " + kept + ".5}")
                .post("/api/moderation/cameras/{id}/merge", duplicate)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("into"))
                .body("errors[0].reason", containsString("whole number"));
        given().get("/api/cameras/{id}", duplicate).then().statusCode(200);
    }

    @Test
    void aNumberSentAsTextIsRefused() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("kind", "camera", "operator", "Ville"));
        Api.update(id, 1, spot[0], spot[1], Map.of("kind", "camera", "operator", "Mairie"));
        Api.asVolunteer().header("If-Match", "\"2\"").body("{\"version\": \"1\"}")
                .post("/api/cameras/{id}/revert", id)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("version"));
        given().get("/api/cameras/{id}", id).then().body("properties.operator", equalTo("Mairie"));
    }

    @Test
    void trailingTokensAndDuplicateKeysAreRefused() {
        long before = cameras();
        double[] spot = Api.freshSpot();
        String feature = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + spot[0] + "," + spot[1]
                + "]},\"properties\":{\"kind\":\"camera\"}}";
        Api.asVolunteer().body(feature + " {\"more\": 1}").post("/api/cameras")
                .then().statusCode(400).contentType(PROBLEM).body("title", equalTo("Malformed JSON"));
        Api.asVolunteer().body(feature.replace("\"kind\":\"camera\"", "\"kind\":\"camera\",\"kind\":\"camera\""))
                .post("/api/cameras")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].reason", containsString("twice"));
        assertEquals(before, cameras());
    }

    @Test
    void controlBidiAndUnpairedSurrogatesAreRefusedNotAltered() {
        long before = cameras();
        double[] spot = Api.freshSpot();
        for (String notes : new String[] {"a\\u0007b", "safe \\u202Egnp.exe", "half \\uD800 a pair", "\\uDC00"}) {
            String body = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + spot[0] + "," + spot[1]
                    + "]},\"properties\":{\"kind\":\"camera\",\"notes\":\"" + notes + "\"}}";
            Api.asVolunteer().body(body).post("/api/cameras")
                    .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("properties.notes"));
        }
        // the same screen on every JSON body, read by Jackson into records: the login form
        given().contentType("application/json").body("{\"username\": \"x\\u202E\", \"password\": \"p\"}")
                .post("/api/auth/login").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("username"));
        assertEquals(before, cameras());
    }

    @Test
    void overlongUtf8IsRefused() {
        long before = cameras();
        double[] spot = Api.freshSpot();
        byte[] head = ("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + spot[0] + "," + spot[1]
                + "]},\"properties\":{\"kind\":\"camera\",\"notes\":\"a").getBytes(StandardCharsets.UTF_8);
        byte[] overlongSlash = {(byte) 0xC0, (byte) 0xAF};
        byte[] tail = "\"}}".getBytes(StandardCharsets.UTF_8);
        Api.asVolunteer().body(concat(head, overlongSlash, tail)).post("/api/cameras")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].reason", containsString("UTF-8"));
        assertEquals(before, cameras());
    }

    @Test
    void aZeroWidthExportAreaIsA400NamingBbox() {
        given().queryParam("bbox", "2.35,48.85,2.35,48.86").queryParam("format", "geojson").get("/api/cameras/export")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("bbox"));
        given().queryParam("bbox", "2.34,48.85,2.35,48.85").get("/api/cameras")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("bbox"));
    }

    @Test
    void bodiesBeyondTheGlobalLimitAre413AtOnce() {
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(twoMegabytes, (byte) ' ');
        given().contentType("application/json").body(twoMegabytes).post("/api/auth/login")
                .then().statusCode(413).contentType(PROBLEM).body("errors.field", hasItem("body"));
        Api.asVolunteer().body(twoMegabytes).post("/api/cameras").then().statusCode(413).contentType(PROBLEM);
    }

    @Test
    void thePhotoRouteTakesTenMegabytesAndNoMore() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("kind", "camera"));
        byte[] eleven = new byte[11 * 1024 * 1024];
        Accounts.volunteer().authorized().multiPart("file", "big.jpg", eleven, "image/jpeg")
                .post("/api/cameras/{id}/photos", id).then().statusCode(413).contentType(PROBLEM);
        // 2 MB is past the global limit but within the photo route's: read, then refused as no image
        byte[] two = new byte[2 * 1024 * 1024];
        Accounts.volunteer().authorized().multiPart("file", "noise.jpg", two, "image/jpeg")
                .post("/api/cameras/{id}/photos", id).then().statusCode(not(equalTo(413))).statusCode(not(equalTo(500)));
    }

    @Test
    void aMalformedMultipartBodyIsA400() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("kind", "camera"));
        String cut = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\nabc";
        RawPost answer = RawPost.send("/api/cameras/" + id + "/photos", "multipart/form-data; boundary=XYZ", cut,
                Accounts.volunteer().token());
        assertEquals(400, answer.status(), answer.body());
        assertEquals(PROBLEM, answer.contentType());
        assertTrue(answer.body().contains("\"field\":\"body\""), answer.body());
    }

    @Test
    void moreThanAThousandPartsIsA413() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("kind", "camera"));
        StringBuilder parts = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            parts.append("--XYZ\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\nv\r\n");
        }
        parts.append("--XYZ--\r\n");
        RawPost answer = RawPost.send("/api/cameras/" + id + "/photos", "multipart/form-data; boundary=XYZ", parts.toString(),
                Accounts.volunteer().token());
        assertEquals(413, answer.status(), answer.body());
        assertTrue(answer.body().contains("1000"), answer.body());
    }

    @Test
    void problemsNameNoJavaTypeNorServerPath() {
        String[][] requests = {
                {"/api/moderation/cameras/1/merge", "{\"into\": \"x\"}"},
                {"/api/moderation/cameras/1/merge", "{\"into\": {}}"},
                {"/api/moderation/cameras/1/merge", "[1, 2]"},
                {"/api/auth/login", "{\"username\": [1]}"},
                {"/api/auth/login", "\"text\""},
                {"/api/auth/register", "{\"username\": true, \"password\": 5}"},
        };
        for (String[] request : requests) {
            Response response = Accounts.moderator().authorized().contentType("application/json").body(request[1]).post(request[0]);
            String body = response.asString();
            assertEquals(400, response.statusCode(), request[0] + " " + request[1] + " -> " + body);
            assertFalse(body.matches("(?s).*\\b(java|org|com|jakarta)\\.[a-z]+\\..*"), body);
            assertFalse(body.contains("Exception") || body.contains("/tmp/"), body);
        }
    }

    @Test
    void problemsSpeakFrenchWhenAsked() {
        given().header("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5").queryParam("bbox", "2,48,1,49").get("/api/cameras")
                .then().statusCode(400).contentType(PROBLEM).header("Content-Language", "fr")
                .body("title", equalTo("Saisie invalide"))
                .body("errors[0].reason", containsString("inversée"));
        given().header("Accept-Language", "en-GB").get("/api/nothing").then().statusCode(404)
                .header("Content-Language", "en").body("title", equalTo("Not found"));
        given().header("Accept-Language", "fr").get("/api/nothing").then().statusCode(404)
                .body("title", equalTo("Introuvable")).body("detail", containsString("aucune ressource"));
        given().header("Accept-Language", "fr").contentType("application/json").body("{\"username\": \"a\\u0001\"}")
                .post("/api/auth/login").then().statusCode(400).body("errors[0].reason", containsString("caractère de contrôle"));
        given().header("Accept-Language", "de").get("/api/nothing").then().statusCode(404).body("title", equalTo("Not found"));
    }

    private long cameras() {
        return sql.count("SELECT count(*) FROM camera");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
