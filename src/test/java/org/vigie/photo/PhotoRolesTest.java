package org.vigie.photo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Sql;
import org.vigie.support.TestImages;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who may do what with photos. Roles as the trust work expands them: a moderator is also a
 * volunteer. Anyone reads; volunteers add; the uploader or a moderator removes.
 */
@QuarkusTest
class PhotoRolesTest {

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @BeforeEach
    void accountsOfTheTestIdentities() {
        Accounts.ensureTestSecurityUsers();
    }

    @Test
    void anonymousVisitorsSeePhotosButMayNotAddOrRemoveThem() {
        long camera = sharedVolunteersCamera();
        long photo = seeded(camera, "ana");
        given().get("/api/cameras/" + camera + "/photos").then().statusCode(200);
        given().get("/api/photos/" + photo).then().statusCode(200);
        given().get("/api/photos/" + photo + "/thumbnail").then().statusCode(200);
        // 401 (the trust work maps it to a problem+json body; the status is what is asserted here)
        PhotoResourceTest.upload(camera, "a.jpg", "image/jpeg", TestImages.phoneJpeg(50, 50, 1)).then().statusCode(401);
        given().delete("/api/photos/" + photo).then().statusCode(401);
        assertEquals(1, sql.count("SELECT count(*) FROM photo WHERE camera_id = ? AND removed_at IS NULL", camera));
    }

    @Test
    @TestSecurity(user = "ana", roles = "volunteer")
    void aVolunteerAddsAPhotoAndMayRemoveTheirOwn() {
        long camera = sharedVolunteersCamera();
        long photo = PhotoResourceTest.upload(camera, "a.jpg", "image/jpeg", TestImages.phoneJpeg(50, 50, 1))
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().delete("/api/photos/" + photo).then().statusCode(204);
        given().get("/api/photos/" + photo).then().statusCode(410).contentType(Api.PROBLEM);
        given().delete("/api/photos/" + photo).then().statusCode(410);
        assertEquals("ana", sql.text("SELECT removed_by FROM photo WHERE id = ?", photo));
    }

    @Test
    @TestSecurity(user = "bruno", roles = "volunteer")
    void aVolunteerMayNotRemoveSomeoneElsesPhoto() {
        long camera = sharedVolunteersCamera();
        long photo = seeded(camera, "ana");
        given().delete("/api/photos/" + photo).then().statusCode(403).contentType(Api.PROBLEM);
        given().get("/api/photos/" + photo).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "guest", roles = "reader")
    void anAccountWithoutTheVolunteerRoleIsForbidden() {
        long camera = sharedVolunteersCamera();
        PhotoResourceTest.upload(camera, "a.jpg", "image/jpeg", TestImages.phoneJpeg(50, 50, 1)).then().statusCode(403);
        given().delete("/api/photos/" + seeded(camera, "ana")).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "mod", roles = {"volunteer", "moderator"})
    void aModeratorRemovesAnyPhotoWhichIsThenNeitherServedNorListed() {
        long camera = sharedVolunteersCamera();
        long kept = seeded(camera, "ana");
        long removed = seeded(camera, "bruno");
        given().delete("/api/photos/" + removed).then().statusCode(204);
        given().get("/api/photos/" + removed).then().statusCode(410).contentType(Api.PROBLEM);
        given().get("/api/photos/" + removed + "/thumbnail").then().statusCode(410);
        given().get("/api/cameras/" + camera + "/photos").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.contains((int) kept));
        assertEquals("mod", sql.text("SELECT removed_by FROM photo WHERE id = ?", removed));
    }

    @Test
    @TestSecurity(user = "root", roles = {"volunteer", "moderator", "admin"})
    void anAdminIsAModeratorToo() {
        long camera = sharedVolunteersCamera();
        PhotoResourceTest.upload(camera, "a.jpg", "image/jpeg", TestImages.phoneJpeg(50, 50, 1)).then().statusCode(201);
        given().delete("/api/photos/" + seeded(camera, "ana")).then().statusCode(204);
    }

    /** A photo uploaded by someone else than the test's user, written straight into the database. */
    private long seeded(long camera, String by) {
        PhotoImages.Encoded encoded = PhotoImages.process(TestImages.phoneJpeg(60, 40, 1));
        return sql.count("INSERT INTO photo (camera_id, uploaded_by, width, height, image, thumbnail)"
                + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id", camera, by, encoded.width(), encoded.height(),
                encoded.image(), encoded.thumbnail());
    }

    /**
     * A camera written straight in SQL: under {@code @TestSecurity} every request runs as the test
     * identity, which may not be allowed to add one.
     */
    private long sharedVolunteersCamera() {
        double[] spot = Api.freshSpot();
        return sql.count("INSERT INTO camera (position, field_of_view, range_m)"
                + " VALUES (ST_SetSRID(ST_MakePoint(?, ?), 4326), 360, 30) RETURNING id", spot[0], spot[1]);
    }
}
