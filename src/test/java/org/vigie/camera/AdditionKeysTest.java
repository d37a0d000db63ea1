package org.vigie.camera;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.support.Accounts;
import org.vigie.support.Accounts.TestAccount;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A phone on a poor signal sends an addition, never sees the answer, and sends it again with the
 * same Idempotency-Key: it gets the camera it stored the first time, and the map holds one camera.
 */
@QuarkusTest
class AdditionKeysTest {

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    private static Response add(TestAccount who, String key, double[] spot, Map<String, ?> properties) {
        return who.request().header("Idempotency-Key", key).body(Api.feature(spot[0], spot[1], properties)).post("/api/cameras");
    }

    private long camerasBy(TestAccount who) {
        return sql.count("SELECT count(*) FROM camera WHERE created_by = ?", who.id());
    }

    @Test
    void theSameAdditionSentAgainAnswersTheCameraItStored() {
        TestAccount ana = Accounts.fresh(Role.VOLUNTEER);
        String key = UUID.randomUUID().toString();
        double[] spot = Api.freshSpot();
        Response first = add(ana, key, spot, Map.of("operator", "SNCF"));
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        long id = first.jsonPath().getLong("id");

        add(ana, key, spot, Map.of("operator", "SNCF")).then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", equalTo(first.header("Location")))
                .header("ETag", equalTo("\"1\""))
                .body("id", equalTo((int) id)).body("properties.operator", equalTo("SNCF"));
        assertEquals(1, camerasBy(ana));
        assertEquals(1, sql.count("SELECT count(*) FROM camera_version WHERE camera_id = ?", id));

        // Keys belong to an account: another volunteer's addition with the same key is its own.
        TestAccount bruno = Accounts.fresh(Role.VOLUNTEER);
        add(bruno, key, Api.freshSpot(), Map.of()).then().statusCode(201).header("Idempotent-Replayed", nullValue());
        assertEquals(1, camerasBy(bruno));
    }

    @Test
    void theSameKeyWithAnotherCameraIsRefused() {
        TestAccount ana = Accounts.fresh(Role.VOLUNTEER);
        String key = UUID.randomUUID().toString();
        double[] spot = Api.freshSpot();
        add(ana, key, spot, Map.of("operator", "SNCF")).then().statusCode(201);
        add(ana, key, spot, Map.of("operator", "RATP")).then().statusCode(422).contentType(Api.PROBLEM)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(1, camerasBy(ana));
    }

    @Test
    void aKeyMustBeShortVisibleAscii() {
        TestAccount ana = Accounts.fresh(Role.VOLUNTEER);
        for (String bad : new String[] {"x".repeat(101), "clé-é", "two words"}) {
            add(ana, bad, Api.freshSpot(), Map.of()).then().statusCode(400).contentType(Api.PROBLEM)
                    .body("errors[0].field", equalTo("Idempotency-Key"));
        }
        assertEquals(0, camerasBy(ana));
    }

    @Test
    void aRefusedAdditionLeavesItsKeyFree() {
        TestAccount ana = Accounts.fresh(Role.VOLUNTEER);
        double[] spot = Api.freshSpot();
        add(ana, UUID.randomUUID().toString(), spot, Map.of()).then().statusCode(201);
        String key = UUID.randomUUID().toString();
        add(ana, key, spot, Map.of()).then().statusCode(409); // a camera of the same kind within 10 m
        ana.request().header("Idempotency-Key", key).queryParam("confirmDuplicate", "true")
                .body(Api.feature(spot[0], spot[1], Map.of())).post("/api/cameras").then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        assertEquals(2, camerasBy(ana));
    }

    @Test
    void additionsWithOneKeySentAtTheSameMomentStoreOneCamera() throws Exception {
        TestAccount ana = Accounts.fresh(Role.VOLUNTEER);
        String key = UUID.randomUUID().toString();
        double[] spot = Api.freshSpot();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(pool.submit(() -> add(ana, key, spot, Map.of("operator", "Mairie"))));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<Response> response : sent) {
                response.get().then().statusCode(201);
                ids.add(response.get().jsonPath().getLong("id"));
            }
            assertEquals(1, ids.size(), "every answer names the one camera: " + ids);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, camerasBy(ana));
    }
}
