package org.vigie.privacy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Sql;
import org.vigie.support.TestImages;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads the whole database as a dump would: no clear-text password or token in any text, array
 * or JSON column of any table, and nothing that stores an IP address. The test writes a row of its
 * own account into every table a volunteer writes (camera, history, idempotency key, photo,
 * confirmation, report, login failure) with a distinctive password first; the database also holds
 * what the test classes run before it wrote (every test account uses {@link Accounts#PASSWORD}).
 */
@QuarkusTest
class PrivacyAuditTest {

    private static final String DISTINCTIVE = "Zq7-privacy-audit-passphrase";

    @Inject
    Sql sql;

    @Test
    void noClearTextSecretAndNoAddressAnywhere() {
        Api.init();
        String name = "audit_" + Long.toString(System.nanoTime(), 36);
        String token = Api.json().body(Map.of("username", name, "password", DISTINCTIVE, "email", "audit@example.org"))
                .post("/api/auth/register").then().statusCode(201).extract().jsonPath().getString("token");
        Accounts.volunteer().request().body(Api.feature(3.1, 45.2, Map.of("notes", "audit")))
                .queryParam("confirmDuplicate", "true").post("/api/cameras").then().statusCode(201);
        // Whatever order the test classes run in, every table a volunteer writes holds a row of this account's.
        double[] spot = Api.freshSpot();
        long camera = given().header("Authorization", "Bearer " + token).contentType("application/json")
                .header("Idempotency-Key", "audit-" + name).body(Api.feature(spot[0], spot[1], Map.of("notes", "audit")))
                .post("/api/cameras").then().statusCode(201).extract().jsonPath().getLong("id");
        given().header("Authorization", "Bearer " + token).multiPart("file", "audit.png", TestImages.png(64, 48), "image/png")
                .post("/api/cameras/{id}/photos", camera).then().statusCode(201);
        Accounts.volunteer().authorized().post("/api/cameras/{id}/confirmations", camera).then().statusCode(201);
        Accounts.volunteer().request().body(Map.of("reason", "wrong_details", "comment", "audit"))
                .post("/api/cameras/{id}/reports", camera).then().statusCode(201);
        given().contentType("application/json").body(Map.of("username", name, "password", "a wrong password"))
                .post("/api/auth/login").then().statusCode(401);

        List<String[]> columns = textColumns();
        assertTrue(columns.size() > 10, "the audit reads the schema: " + columns.size() + " columns");
        for (String secret : List.of(DISTINCTIVE, Accounts.PASSWORD, "a wrong password", token, "127.0.0.1")) {
            for (String[] column : columns) {
                long hits = sql.count("SELECT count(*) FROM " + column[0] + " WHERE position(? in " + column[1] + "::text) > 0", secret);
                assertEquals(0, hits, column[0] + "." + column[1] + " holds " + (secret.equals("127.0.0.1") ? "an IP address" : "a secret"));
            }
        }
        assertEquals(0, sql.count("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND (data_type IN ('inet', 'cidr') OR column_name ~* '(^|_)(ip|ip_?address|remote_addr|client_addr)($|_)')"));
    }

    /** Every column of the app's tables whose values read as text: text, varchar, arrays, json(b). */
    private List<String[]> textColumns() {
        String list = sql.text("SELECT string_agg(quote_ident(table_name) || ' ' || quote_ident(column_name), ',')"
                + " FROM information_schema.columns c WHERE table_schema = 'public'"
                + " AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE')"
                + " AND table_name NOT IN ('spatial_ref_sys')"
                + " AND (data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY', 'bytea'))");
        return java.util.Arrays.stream(list.split(",")).map(s -> s.split(" ")).toList();
    }
}
