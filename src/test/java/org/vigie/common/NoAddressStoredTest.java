package org.vigie.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Secrets;
import org.vigie.support.TestImages;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 6, privacy: no IP address is stored. Writes arrive with forwarding headers naming an
 * address; afterwards no row of any table holds it (nor the loopback the tests come from), no
 * column is of an address type, and the access log is off.
 */
@QuarkusTest
class NoAddressStoredTest {

    private static final String FORWARDED = Secrets.address("203.0.113.77");

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.http.access-log.enabled")
    boolean accessLog;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @BeforeEach
    void accountsOfTheTestIdentities() {
        Accounts.ensureTestSecurityUsers();
    }

    @Test
    @TestSecurity(user = "ana", roles = "volunteer")
    void writesLeaveNoAddressInAnyTable() throws SQLException {
        double[] spot = Api.freshSpot();
        long camera = Api.json().header("X-Forwarded-For", FORWARDED).header("X-Real-IP", FORWARDED)
                .header("Forwarded", "for=" + FORWARDED)
                .body(Api.feature(spot[0], spot[1], Map.of("operator", "Mairie"))).post("/api/cameras")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().header("X-Forwarded-For", FORWARDED).auth().oauth2(Accounts.tokenOf("ana")).multiPart("file", "a.jpg", TestImages.phoneJpeg(80, 60, 1), "image/jpeg")
                .post("/api/cameras/" + camera + "/photos").then().statusCode(201);

        assertFalse(accessLog, "the HTTP access log would record addresses");
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT quote_ident(table_name) FROM information_schema.tables"
                    + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'spatial_ref_sys'")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table + " t WHERE t::text LIKE '%" + FORWARDED
                        + "%' OR t::text LIKE '%127.0.0.1%'")) {
                    r.next();
                    if (r.getLong(1) > 0) {
                        found.add(table);
                    }
                }
            }
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM information_schema.columns"
                    + " WHERE table_schema = 'public' AND data_type IN ('inet', 'cidr', 'macaddr')")) {
                r.next();
                assertEquals(0, r.getLong(1), "a column has an address type");
            }
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public'"
                    + " AND column_name ~* '(^|_)(ip|ip_?address|remote_addr|client_addr)($|_)'")) {
                r.next();
                assertEquals(0, r.getLong(1), "a column is named for an address");
            }
        }
        assertEquals(List.of(), found, "tables holding an IP address");
    }
}
