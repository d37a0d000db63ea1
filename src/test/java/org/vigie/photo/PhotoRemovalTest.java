package org.vigie.photo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.support.Accounts;
import org.vigie.support.Accounts.TestAccount;
import org.vigie.support.Api;
import org.vigie.support.Sql;
import org.vigie.support.TestImages;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What removing a photo leaves: it is neither served nor listed, and the remover is recorded. Who
 * may add and remove photos (anonymous, volunteer, uploader, moderator, admin) is in
 * {@code org.vigie.account.RolesTest}, with real accounts and tokens.
 */
@QuarkusTest
class PhotoRemovalTest {

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void aModeratorRemovesSomeoneElsesPhotoWhichIsThenNeitherServedNorListed() {
        TestAccount ana = Accounts.fresh(Role.VOLUNTEER);
        TestAccount bruno = Accounts.fresh(Role.VOLUNTEER);
        long camera = camera();
        long kept = upload(ana, camera);
        long removed = upload(bruno, camera);

        TestAccount moderator = Accounts.moderator();
        moderator.authorized().delete("/api/photos/{id}", removed).then().statusCode(204);
        given().get("/api/photos/{id}", removed).then().statusCode(410).contentType(Api.PROBLEM);
        given().get("/api/photos/{id}/thumbnail", removed).then().statusCode(410).contentType(Api.PROBLEM);
        given().get("/api/cameras/{id}/photos", camera).then().statusCode(200).body("id", contains((int) kept));
        moderator.authorized().delete("/api/photos/{id}", removed).then().statusCode(410).contentType(Api.PROBLEM);
        assertEquals(moderator.username(), sql.text("SELECT removed_by FROM photo WHERE id = ?", removed));
        given().get("/api/photos/{id}", kept).then().statusCode(200);
    }

    @Test
    void theUploaderRemovesTheirOwnPhotoAndIsRecordedAsTheRemover() {
        TestAccount ana = Accounts.fresh(Role.VOLUNTEER);
        long photo = upload(ana, camera());
        ana.authorized().delete("/api/photos/{id}", photo).then().statusCode(204);
        given().get("/api/photos/{id}", photo).then().statusCode(410).contentType(Api.PROBLEM);
        assertEquals(ana.username(), sql.text("SELECT removed_by FROM photo WHERE id = ?", photo));
    }

    private static long upload(TestAccount by, long camera) {
        return by.authorized().multiPart("file", "a.jpg", TestImages.phoneJpeg(60, 40, 1), "image/jpeg")
                .post("/api/cameras/{id}/photos", camera).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long camera() {
        double[] spot = Api.freshSpot();
        return Api.create(spot[0], spot[1], java.util.Map.of());
    }
}
