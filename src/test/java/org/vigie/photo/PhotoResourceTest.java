package org.vigie.photo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Sql;
import org.vigie.support.TestImages;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The photo API over HTTP for a volunteer: upload, what is served back, listing, refusals. */
@QuarkusTest
@TestSecurity(user = "ana", roles = "volunteer")
class PhotoResourceTest {

    static final String VOLUNTEER = "ana";

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
    void aPhoneJpegWithItsGpsPositionIsServedBackWithoutAnyMetadata() {
        long camera = newCamera();
        Response created = upload(camera, "IMG_2041.jpg", "image/jpeg", TestImages.phoneJpeg(2400, 1800, 1));
        created.then().statusCode(201)
                .header("Location", containsString("/api/photos/"))
                .body("width", equalTo(1600)).body("height", equalTo(1200))
                .body("cameraId", equalTo((int) camera));
        long id = created.jsonPath().getLong("id");
        assertEquals("/api/photos/" + id, created.jsonPath().getString("url"));
        assertEquals("/api/photos/" + id + "/thumbnail", created.jsonPath().getString("thumbnailUrl"));
        assertTrue(created.header("Location").endsWith("/api/photos/" + id), created.header("Location"));

        for (String url : new String[] {created.jsonPath().getString("url"), created.jsonPath().getString("thumbnailUrl")}) {
            byte[] served = given().get(url).then().statusCode(200)
                    .contentType("image/jpeg")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", containsString("max-age="))
                    .extract().asByteArray();
            PhotoImagesTest.assertMetadataFree(served);
        }
        // and nothing of the original is kept in the database either
        assertEquals(VOLUNTEER, sql.text("SELECT uploaded_by FROM photo WHERE id = ?", id));
        assertEquals(0, sql.count("SELECT count(*) FROM photo WHERE id = ? AND (position('Exif' in image) > 0"
                + " OR position('GPS' in image) > 0 OR position('Exif' in thumbnail) > 0)", id));
    }

    @Test
    void pngAndWebpAreAcceptedAndListedWithTheCamera() {
        long camera = newCamera();
        upload(camera, "capture.png", "image/png", TestImages.png(500, 400)).then().statusCode(201)
                .body("width", equalTo(500));
        upload(camera, "canvas.webp", "image/webp", TestImages.WEBP).then().statusCode(201)
                .body("width", equalTo(40)).body("height", equalTo(30));

        given().get("/api/cameras/" + camera + "/photos").then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].width", equalTo(500)).body("[1].width", equalTo(40))
                .body("[1].thumbnailUrl", containsString("/thumbnail"));
    }

    @Test
    void servedPhotosRevalidateWithTheirETag() {
        long id = upload(newCamera(), "a.jpg", "image/jpeg", TestImages.phoneJpeg(300, 200, 1)).jsonPath().getLong("id");
        String etag = given().get("/api/photos/" + id).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/photos/" + id).then().statusCode(304);
        given().get("/api/photos/" + id + "/details").then().statusCode(200).body("id", equalTo((int) id));
    }

    @Test
    void readingAPhotosRowLeavesItsBytesInTheDatabase() {
        long id = upload(newCamera(), "a.jpg", "image/jpeg", TestImages.phoneJpeg(300, 200, 1)).jsonPath().getLong("id");
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            Photo photo = Photo.findById(id);
            // listings read many rows: the image and thumbnail columns are fetched only when served
            assertTrue(!org.hibernate.Hibernate.isPropertyInitialized(photo, "image")
                    && !org.hibernate.Hibernate.isPropertyInitialized(photo, "thumbnail"));
            assertTrue(photo.image.length > 1000);
        });
    }

    @Test
    void whatIsNotAnImageIsAProblemNamingTheFileField() {
        long camera = newCamera();
        upload(camera, "photo.jpg", "image/jpeg", "Bonjour, ceci n'est pas une photo.\n".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(415).contentType(Api.PROBLEM)
                .body("errors[0].field", equalTo("file"));
        upload(camera, "huge.png", "image/png", TestImages.pngClaiming(20_000, 20_000))
                .then().statusCode(422).contentType(Api.PROBLEM)
                .body("errors[0].field", equalTo("file"))
                .body("detail", containsString("megapixels"));
        given().auth().oauth2(Accounts.tokenOf(VOLUNTEER)).multiPart("other", "x").post("/api/cameras/" + camera + "/photos")
                .then().statusCode(400).contentType(Api.PROBLEM).body("errors[0].field", equalTo("file"));
        assertEquals(0, sql.count("SELECT count(*) FROM photo WHERE camera_id = ?", camera));
    }

    @Test
    void anUploadOverTenMegabytesIsRefused() {
        long camera = newCamera();
        byte[] big = TestImages.concat(TestImages.phoneJpeg(100, 100, 1), new byte[10 * 1024 * 1024]);
        upload(camera, "big.jpg", "image/jpeg", big).then().statusCode(413).contentType(Api.PROBLEM)
                .body("errors[0].field", equalTo("file"))
                .body("status", lessThanOrEqualTo(413));
        assertEquals(0, sql.count("SELECT count(*) FROM photo WHERE camera_id = ?", camera));
    }

    @Test
    void photosOfUnknownOrDeletedCamerasAreProblems() {
        byte[] jpeg = TestImages.phoneJpeg(100, 100, 1);
        upload(987_654_321L, "a.jpg", "image/jpeg", jpeg).then().statusCode(404).contentType(Api.PROBLEM);
        given().get("/api/cameras/987654321/photos").then().statusCode(404).contentType(Api.PROBLEM);
        given().get("/api/photos/987654321").then().statusCode(404).contentType(Api.PROBLEM);

        long camera = newCamera();
        long photo = upload(camera, "a.jpg", "image/jpeg", jpeg).jsonPath().getLong("id");
        given().header("If-Match", "\"1\"").delete("/api/cameras/" + camera).then().statusCode(204);
        upload(camera, "a.jpg", "image/jpeg", jpeg).then().statusCode(410).contentType(Api.PROBLEM);
        given().get("/api/cameras/" + camera + "/photos").then().statusCode(410);
        // the photos of a camera that should never have existed are not served either
        given().get("/api/photos/" + photo).then().statusCode(410).contentType(Api.PROBLEM);
    }

    /** A camera added by the test identity (ana): no bearer token, which would name another account. */
    static long newCamera() {
        double[] spot = Api.freshSpot();
        return Api.json().queryParam("confirmDuplicate", "true").body(Api.feature(spot[0], spot[1], Map.of("cameraType", "dome")))
                .post("/api/cameras").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** With ana's token too: the photo route's gate reads it before the body (the test identity comes later). */
    static Response upload(long camera, String name, String type, byte[] bytes) {
        return given().auth().oauth2(Accounts.tokenOf(VOLUNTEER)).multiPart("file", name, bytes, type).post("/api/cameras/" + camera + "/photos");
    }
}
