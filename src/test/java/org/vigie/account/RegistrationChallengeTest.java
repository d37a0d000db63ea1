package org.vigie.account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Altcha;
import org.vigie.support.Api;
import org.vigie.support.Secrets;
import org.vigie.support.Sql;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vigie.support.Api.PROBLEM;
import static org.vigie.support.Api.json;

/** Registration costs a proof of work (ALTCHA): missing, wrong, reused and expired solutions are refused. */
@QuarkusTest
class RegistrationChallengeTest {

    private static final String PASSWORD = Secrets.password("une phrase de passe pour le défi");
    /** The test profile's signing key (application.properties), to make a challenge issued in the past. */
    private static final String KEY = "test-only-registration-challenge-key";

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    private static String newName() {
        return "alt_" + Long.toString(System.nanoTime(), 36);
    }

    private static io.restassured.response.ValidatableResponse register(String name, String altcha) {
        Map<String, String> body = altcha == null ? Map.of("username", name, "password", PASSWORD)
                : Map.of("username", name, "password", PASSWORD, "altcha", altcha);
        return json().body(body).post("/api/auth/register").then();
    }

    @Test
    void theChallengeIsAnAltchaChallengeThatChangesEveryTime() {
        JsonPath first = given().get("/api/auth/challenge").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("algorithm", equalTo("SHA-256")).body("challenge", matchesPattern("[0-9a-f]{64}"))
                .body("signature", matchesPattern("[0-9a-f]{64}")).body("salt", matchesPattern("[0-9a-f]{24}\\?expires=\\d+"))
                .body("maxnumber", equalTo(1000)).extract().jsonPath();
        JsonPath second = given().get("/api/auth/challenge").then().statusCode(200).extract().jsonPath();
        assertEquals(false, first.getString("challenge").equals(second.getString("challenge")));
        long expires = Long.parseLong(first.getString("salt").replaceAll(".*expires=", ""));
        long inMinutes = (expires - Instant.now().getEpochSecond()) / 60;
        assertEquals(true, inMinutes >= 18 && inMinutes <= 20, "expires in " + inMinutes + " min");
    }

    @Test
    void aSolvedChallengeOpensOneAccountAndOnlyOne() {
        String altcha = Altcha.solution();
        String name = newName();
        register(name, altcha).statusCode(201).body("username", equalTo(name));
        register(newName(), altcha).statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("altcha"))).body("errors[0].reason", containsString("used already"));
        assertEquals(1, sql.count("SELECT count(*) FROM account WHERE username LIKE 'alt\\_%' AND username = ?", name));
    }

    @Test
    void aMissingSolutionIs400NamingAltcha() {
        String name = newName();
        register(name, null).statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("altcha")));
        register(name, "").statusCode(400).body("errors.field", equalTo(List.of("altcha")));
        register(name, "not base64 at all!").statusCode(400).body("errors.field", equalTo(List.of("altcha")));
        assertEquals(0, sql.count("SELECT count(*) FROM account WHERE username = ?", name));
    }

    @Test
    void aWrongNumberOrAForgedSignatureIs400() {
        JsonPath challenge = given().get("/api/auth/challenge").then().extract().jsonPath();
        long number = Altcha.solve(challenge);
        String name = newName();
        register(name, Altcha.payload(challenge.getString("challenge"), number + 1, challenge.getString("salt"),
                challenge.getString("signature"))).statusCode(400).body("errors.field", equalTo(List.of("altcha")));
        // A challenge of the client's own making, solved, but not signed by the server.
        String salt = "0123456789abcdef01234567?expires=" + (Instant.now().getEpochSecond() + 600);
        String own = Altcha.sha256Hex(salt + 7);
        register(name, Altcha.payload(own, 7, salt, "0".repeat(64))).statusCode(400)
                .body("errors.field", equalTo(List.of("altcha")));
        // Changing the salt's expiry breaks the challenge: the signature covers it through the hash.
        String later = challenge.getString("salt").replaceAll("expires=\\d+", "expires=" + (Instant.now().getEpochSecond() + 99999));
        register(name, Altcha.payload(challenge.getString("challenge"), number, later, challenge.getString("signature")))
                .statusCode(400).body("errors.field", equalTo(List.of("altcha")));
        // The real solution still works: the refusals spent nothing.
        register(name, Altcha.payload(challenge.getString("challenge"), number, challenge.getString("salt"),
                challenge.getString("signature"))).statusCode(201);
    }

    @Test
    void anExpiredSolutionIs400SayingSo() throws Exception {
        String salt = "00112233445566778899aabb?expires=" + (Instant.now().getEpochSecond() - 5);
        String challenge = Altcha.sha256Hex(salt + 42);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal(challenge.getBytes(StandardCharsets.UTF_8)));
        register(newName(), Altcha.payload(challenge, 42, salt, signature)).statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("altcha"))).body("errors[0].reason", containsString("expired"));
        // The same, still valid: the signature was right, only the date refused it.
        String validSalt = "00112233445566778899aabb?expires=" + (Instant.now().getEpochSecond() + 60);
        String valid = Altcha.sha256Hex(validSalt + 42);
        String validSignature = HexFormat.of().formatHex(mac.doFinal(valid.getBytes(StandardCharsets.UTF_8)));
        register(newName(), Altcha.payload(valid, 42, validSalt, validSignature)).statusCode(201);
    }

    @Test
    void badFieldsAndAMissingSolutionAreReportedTogether() {
        json().body(Map.of("username", "a", "password", Secrets.password("Zq7xW"))).post("/api/auth/register").then().statusCode(400)
                .body("errors.field", equalTo(List.of("username", "password", "altcha")))
                .body("errors.size()", greaterThan(2));
    }
}
