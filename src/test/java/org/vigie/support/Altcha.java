package org.vigie.support;

import io.restassured.path.json.JsonPath;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Solves the registration challenge (ALTCHA) as a client does: GET /api/auth/challenge, try numbers
 * until SHA-256(salt + number) is the challenge, answer base64 of the JSON payload. The test profile
 * keeps maxnumber small, so this takes milliseconds.
 */
public final class Altcha {

    private Altcha() {
    }

    /** The {@code altcha} value for one registration. */
    public static String solution() {
        JsonPath challenge = given().get("/api/auth/challenge").then().statusCode(200).extract().jsonPath();
        return payload(challenge.getString("challenge"), solve(challenge), challenge.getString("salt"),
                challenge.getString("signature"));
    }

    /** The number that solves the challenge. */
    public static long solve(JsonPath challenge) {
        String salt = challenge.getString("salt");
        String target = challenge.getString("challenge");
        long max = challenge.getLong("maxnumber");
        for (long n = 0; n <= max; n++) {
            if (sha256Hex(salt + n).equals(target)) {
                return n;
            }
        }
        throw new AssertionError("no number up to " + max + " solves the challenge");
    }

    /** base64 of the ALTCHA JSON payload, with whatever values the test wants to send. */
    public static String payload(String challenge, long number, String salt, String signature) {
        String json = "{\"algorithm\":\"SHA-256\",\"challenge\":\"" + challenge + "\",\"number\":" + number
                + ",\"salt\":\"" + salt + "\",\"signature\":\"" + signature + "\"}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A registration body with a fresh solution (email left out when null). */
    public static Map<String, String> registration(String username, String password, String email) {
        return email == null ? Map.of("username", username, "password", password, "altcha", solution())
                : Map.of("username", username, "password", password, "email", email, "altcha", solution());
    }

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
