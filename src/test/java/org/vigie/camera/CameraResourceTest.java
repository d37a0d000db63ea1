package org.vigie.camera;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vigie.support.Api.PROBLEM;
import static org.vigie.support.Api.feature;
import static org.vigie.support.Api.asVolunteer;

/** The HTTP contract of one camera: create, read, edit with versions, delete softly, history. */
@QuarkusTest
class CameraResourceTest {

    private static final String DEFAULT_OPERATOR = "Ville de Grenoble";
    private static final String UPDATED_OPERATOR = "Métropole de Grenoble";

    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    private static Map<String, Object> grenobleCamera(String operator) {
        return Map.ofEntries(Map.entry("kind", "camera"), Map.entry("cameraType", "fixed"), Map.entry("mount", "wall"),
                Map.entry("directions", List.of(90)), Map.entry("fieldOfView", 60), Map.entry("range", 40),
                Map.entry("height", 4.5), Map.entry("tilt", 15), Map.entry("operator", operator),
                Map.entry("operatorType", "public"), Map.entry("signage", "absent"),
                Map.entry("capabilities", List.of("zoom", "audio")), Map.entry("notes", "face à la pharmacie"));
    }

    @Test
    void createAnswers201WithLocationEtagAndTheStoredFeature() {
        double[] spot = Api.freshSpot();
        Response created = asVolunteer().body(feature(spot[0], spot[1], grenobleCamera(DEFAULT_OPERATOR)))
                .post("/api/cameras");
        created.then().statusCode(201)
                .contentType(Api.GEOJSON)
                .header("ETag", "\"1\"")
                .header("Location", containsString("/api/cameras/" + created.jsonPath().getLong("id")))
                .body("type", equalTo("Feature"))
                .body("geometry.type", equalTo("Point"))
                .body("geometry.coordinates", contains((float) spot[0], (float) spot[1]))
                .body("properties.kind", equalTo("camera"))
                .body("properties.cameraType", equalTo("fixed"))
                .body("properties.mount", equalTo("wall"))
                .body("properties.directions", contains(90))
                .body("properties.fieldOfView", equalTo(60))
                .body("properties.range", equalTo(40))
                .body("properties.height", equalTo(4.5f))
                .body("properties.tilt", equalTo(15))
                .body("properties.capabilities", contains("zoom", "audio"))
                .body("properties.operator", equalTo(DEFAULT_OPERATOR))
                .body("properties.operatorType", equalTo("public"))
                .body("properties.signage", equalTo("absent"))
                .body("properties.status", equalTo("reported"))
                .body("properties.notes", equalTo("face à la pharmacie"))
                .body("properties.source", equalTo("volunteer"))
                .body("properties.version", equalTo(1))
                .body("properties.createdAt", notNullValue());

        long id = created.jsonPath().getLong("id");
        assertEquals(1, sql.count("SELECT count(*) FROM camera WHERE id = ? AND ST_X(position) = ? AND ST_Y(position) = ?",
                id, spot[0], spot[1]));
    }

    @Test
    void missingPropertiesTakeTheDefaultsOfTheCameraType() {
        double[] spot = Api.freshSpot();
        asVolunteer().body(feature(spot[0], spot[1], Map.of("cameraType", "dome")))
                .post("/api/cameras")
                .then().statusCode(201)
                .body("properties.kind", equalTo("camera"))
                .body("properties.directions", equalTo(List.of()))
                .body("properties.fieldOfView", equalTo(360))
                .body("properties.range", equalTo(30))
                .body("properties.signage", equalTo("unknown"))
                .body("properties.level", nullValue());
    }

    @Test
    void readOnlyPropertiesSentBackAreIgnored() {
        double[] spot = Api.freshSpot();
        asVolunteer().body(feature(spot[0], spot[1], Map.of("status", "verified", "version", 7, "source", "osm")))
                .post("/api/cameras")
                .then().statusCode(201)
                .body("properties.status", equalTo("reported"))
                .body("properties.version", equalTo(1))
                .body("properties.source", equalTo("volunteer"));
    }

    @Test
    void getAnswersTheFeatureWithItsEtag() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], grenobleCamera(DEFAULT_OPERATOR));
        given().get("/api/cameras/{id}", id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("id", equalTo((int) id))
                .body("properties.operator", equalTo(DEFAULT_OPERATOR));
    }

    @Test
    void unknownCameraIsAProblem404() {
        given().get("/api/cameras/{id}", Long.MAX_VALUE)
                .then().statusCode(404)
                .contentType(PROBLEM)
                .body("status", equalTo(404))
                .body("title", equalTo("Camera not found"))
                .body("detail", containsString(String.valueOf(Long.MAX_VALUE)));
    }

    @Test
    void putWithTheCurrentVersionAnswersTheNextVersion() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], grenobleCamera(DEFAULT_OPERATOR));
        asVolunteer().header("If-Match", "\"1\"")
                .body(feature(spot[0], spot[1], grenobleCamera(UPDATED_OPERATOR)))
                .put("/api/cameras/{id}", id)
                .then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("properties.version", equalTo(2))
                .body("properties.operator", equalTo(UPDATED_OPERATOR));
        given().get("/api/cameras/{id}", id).then().body("properties.operator", equalTo(UPDATED_OPERATOR));
    }

    @Test
    void putWithAStaleVersionIs409NamingTheCurrentOne() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], grenobleCamera(DEFAULT_OPERATOR));
        asVolunteer().header("If-Match", "\"1\"").body(feature(spot[0], spot[1], grenobleCamera(UPDATED_OPERATOR)))
                .put("/api/cameras/{id}", id).then().statusCode(200);

        asVolunteer().header("If-Match", "\"1\"").body(feature(spot[0], spot[1], grenobleCamera("Someone else")))
                .put("/api/cameras/{id}", id)
                .then().statusCode(409)
                .contentType(PROBLEM)
                .body("currentVersion", equalTo(2))
                .body("providedVersion", equalTo(1))
                .body("detail", containsString("server has version 2"));
        given().get("/api/cameras/{id}", id).then().body("properties.operator", equalTo(UPDATED_OPERATOR));
    }

    @Test
    void putWithoutIfMatchIs428AndChangesNothing() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], grenobleCamera(DEFAULT_OPERATOR));
        asVolunteer().body(feature(spot[0], spot[1], grenobleCamera(UPDATED_OPERATOR)))
                .put("/api/cameras/{id}", id)
                .then().statusCode(428)
                .contentType(PROBLEM)
                .body("detail", containsString("If-Match"));
        asVolunteer().header("If-Match", "yesterday").body(feature(spot[0], spot[1], grenobleCamera(UPDATED_OPERATOR)))
                .put("/api/cameras/{id}", id)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("If-Match"));
        given().get("/api/cameras/{id}", id).then().header("ETag", "\"1\"")
                .body("properties.operator", equalTo(DEFAULT_OPERATOR));
    }

    @Test
    void putOnAnUnknownCameraIs404() {
        asVolunteer().header("If-Match", "\"1\"").body(feature(1, 1, Map.of()))
                .put("/api/cameras/{id}", Long.MAX_VALUE)
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void deleteHidesTheCameraThenReadsAnswer410() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], grenobleCamera(DEFAULT_OPERATOR));
        asVolunteer().delete("/api/cameras/{id}", id).then().statusCode(428);
        asVolunteer().header("If-Match", "\"1\"").delete("/api/cameras/{id}", id).then().statusCode(204);

        given().get("/api/cameras/{id}", id).then().statusCode(410).contentType(PROBLEM)
                .body("title", equalTo("Camera deleted"));
        asVolunteer().header("If-Match", "\"2\"").body(feature(spot[0], spot[1], Map.of()))
                .put("/api/cameras/{id}", id).then().statusCode(410);
        asVolunteer().header("If-Match", "\"2\"").delete("/api/cameras/{id}", id).then().statusCode(410);
        given().queryParam("bbox", Api.bboxAround(spot, 0.01)).get("/api/cameras")
                .then().statusCode(200).body("features.id", org.hamcrest.Matchers.not(hasItem((int) id)));
        // The row and its history stay: deletion is a new, invisible version.
        assertEquals(1, sql.count("SELECT count(*) FROM camera WHERE id = ? AND NOT visible AND version = 2", id));
    }

    @Test
    void historyKeepsEveryVersionWithTheFieldsItChanged() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], grenobleCamera(DEFAULT_OPERATOR));
        asVolunteer().header("If-Match", "\"1\"").body(feature(spot[0], spot[1], grenobleCamera(UPDATED_OPERATOR)))
                .put("/api/cameras/{id}", id).then().statusCode(200);
        asVolunteer().header("If-Match", "\"2\"").delete("/api/cameras/{id}", id).then().statusCode(204);

        given().get("/api/cameras/{id}/history", id)
                .then().statusCode(200)
                .body("version", contains(1, 2, 3))
                .body("action", contains("create", "update", "delete"))
                .body("[1].changedFields", contains("operator"))
                .body("[0].feature.properties.operator", equalTo(DEFAULT_OPERATOR))
                .body("[1].feature.properties.operator", equalTo(UPDATED_OPERATOR))
                .body("[2].changedFields", contains("visible"));
    }

    @Test
    void movingACameraIsRecordedAsAGeometryChange() {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], grenobleCamera(DEFAULT_OPERATOR));
        asVolunteer().header("If-Match", "\"1\"").body(feature(spot[0] + 0.0001, spot[1], grenobleCamera(DEFAULT_OPERATOR)))
                .put("/api/cameras/{id}", id).then().statusCode(200);
        given().get("/api/cameras/{id}/history", id)
                .then().body("[1].changedFields", contains("geometry"));
    }

    @Test
    void historyOfAnUnknownCameraIs404() {
        given().get("/api/cameras/{id}/history", Long.MAX_VALUE).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void locationHeaderPointsAtTheCamera() {
        double[] spot = Api.freshSpot();
        String location = asVolunteer().body(feature(spot[0], spot[1], Map.of())).post("/api/cameras")
                .then().statusCode(201).extract().header("Location");
        given().get(location.replaceFirst("^https?://[^/]+", ""))
                .then().statusCode(200).header("ETag", startsWith("\"")).header("ETag", endsWith("\""));
    }
}
