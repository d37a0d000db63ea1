package org.vigie.photo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.support.Accounts;
import org.vigie.support.Accounts.TestAccount;
import org.vigie.support.Api;
import org.vigie.support.Concurrently;
import org.vigie.support.Sql;
import org.vigie.support.TestImages;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new account sends 10 photos per hour (vigie.limits.new-account-photos-per-hour), then waits;
 * the refusal comes before the upload is decoded, and stores nothing; uploads sent at the same
 * moment are counted one at a time.
 */
@QuarkusTest
class PhotoLimitsTest {

    private static final byte[] PHOTO = TestImages.png(64, 48);

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    private static Response upload(TestAccount who, long camera) {
        return who.authorized().multiPart("file", "photo.png", PHOTO, "image/png")
                .post("/api/cameras/{id}/photos", camera);
    }

    private static long camera() {
        double[] spot = Api.freshSpot();
        return Api.create(spot[0], spot[1], Map.of());
    }

    @Test
    void aYoungAccountGets429PastItsQuotaAndNothingIsStored() {
        TestAccount young = Accounts.fresh(Role.VOLUNTEER);
        long camera = camera();
        for (int i = 0; i < 10; i++) {
            upload(young, camera).then().statusCode(201);
        }
        Response refused = upload(young, camera);
        refused.then().statusCode(429).contentType(Api.PROBLEM).body("type", equalTo("/problems/rate-limited"))
                .body("detail", containsString("10 photos per hour for an account younger than 24 h"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 3601, "Retry-After " + retryAfter);
        assertEquals(10, sql.count("SELECT count(*) FROM photo WHERE uploaded_by = ?", young.username()));

        // An hour later the oldest upload no longer counts.
        sql.update("UPDATE photo SET created_at = created_at - interval '61 minutes' WHERE uploaded_by = ?", young.username());
        upload(young, camera).then().statusCode(201);
    }

    @Test
    void moderatorsAreNotLimited() {
        TestAccount moderator = Accounts.fresh(Role.MODERATOR);
        long camera = camera();
        for (int i = 0; i < 11; i++) {
            upload(moderator, camera).then().statusCode(201);
        }
    }

    @Test
    void uploadsRacingAtTheQuotasEdgeCannotAllPass() throws Exception {
        TestAccount young = Accounts.fresh(Role.VOLUNTEER);
        long camera = camera();
        for (int i = 0; i < 9; i++) {
            upload(young, camera).then().statusCode(201);
        }
        // All of them pass the check before decoding; the one in the storing transaction holds.
        List<Integer> statuses = Concurrently.run(12, i -> () -> upload(young, camera).statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(11, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        assertEquals(10, sql.count("SELECT count(*) FROM photo WHERE uploaded_by = ?", young.username()));
    }
}
