package org.vigie.city.boundary;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.account.Role;
import org.vigie.city.boundary.rest.BoundaryResource;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.SharedData;
import org.vigie.support.Sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * POST /api/cities/boundaries: the real commune boundaries of ../shared/data uploaded by an admin,
 * then again (updated in place, nothing new); a broken file refused whole with each feature's problem
 * under the field file; a missing file, a property name too long, an unknown query parameter; the
 * roles. The same checks as the import-cities command, which ImportCitiesCommandTest covers in depth.
 */
@QuarkusTest
class BoundaryUploadTest {

    private static final String ROUTE = "/api/cities/boundaries";

    @Inject
    Sql sql;
    @TempDir
    Path dir;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void theRealCommunesAreImportedThenUpdatedInPlace() throws IOException {
        Path communes = SharedData.file("boundaries/france-communes-selection.geojson");
        List<String> codes = new ArrayList<>();
        new ObjectMapper().readTree(communes.toFile()).path("features")
                .forEach(f -> codes.add(f.path("properties").path("code").asText()));
        String inFile = "SELECT count(*) FROM city WHERE code = ANY (string_to_array(?, ','))";
        long before = sql.count(inFile, String.join(",", codes));
        Accounts.admin().authorized().multiPart("file", communes.toFile()).post(ROUTE)
                .then().statusCode(200)
                .body("file", equalTo("france-communes-selection.geojson"))
                .body("cities", equalTo(18)).body("nameProperty", equalTo("nom")).body("codeProperty", equalTo("code"))
                // new: exactly the cities missing before the upload; the others updated in place
                .body("created", equalTo((int) (18 - before))).body("updated", equalTo((int) before));
        assertEquals(18, sql.count(inFile, String.join(",", codes)));
        assertEquals("Grenoble", sql.text("SELECT name FROM city WHERE code = '38185'"));
        Accounts.admin().authorized().multiPart("file", communes.toFile()).post(ROUTE)
                .then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(18))
                .body("camerasReassigned", equalTo(0));
    }

    @Test
    void aBrokenFileIsRefusedWholeWithEachProblemUnderTheFieldFile() throws IOException {
        String code = "T" + Long.toString(System.nanoTime(), 36);
        Path file = Files.writeString(dir.resolve("broken.geojson"), """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"code": "%s", "nom": "Bonne"},
                   "geometry": {"type": "Polygon", "coordinates": [[[-30,10],[-29.9,10],[-29.9,10.1],[-30,10]]]}},
                  {"type": "Feature", "properties": {"nom": "Sans code"},
                   "geometry": {"type": "Polygon", "coordinates": [[[-31,10],[-30.9,10],[-30.9,10.1],[-31,10]]]}}
                ]}""".formatted(code));
        Accounts.admin().authorized().header("Accept-Language", "fr").multiPart("file", file.toFile()).post(ROUTE)
                .then().statusCode(422).contentType(Api.PROBLEM)
                .body("type", containsString("import-failed")).body("title", equalTo("Échec de l'import"))
                .body("errors", hasSize(1)).body("errors[0].field", equalTo("file"))
                .body("errors[0].reason", containsString("feature 2"))
                .body("errors[0].reason", containsString("has no \"code\" property"))
                .body("problems", equalTo(1));
        assertEquals(0, sql.count("SELECT count(*) FROM city WHERE code = ?", code), "nothing of the file is stored");

        Path notJson = Files.writeString(dir.resolve("not.geojson"), "{\"type\": \"FeatureCollection\", \"features\": [");
        Accounts.admin().authorized().multiPart("file", notJson.toFile()).post(ROUTE)
                .then().statusCode(422).body("errors[0].field", equalTo("file"))
                .body("detail", containsString("not valid JSON")).body("detail", containsString("nothing was imported"));
        // a property named that no feature has: every feature is reported, the first ones listed
        Path many = Files.writeString(dir.resolve("many.geojson"), "{\"type\": \"FeatureCollection\", \"features\": ["
                + String.join(",", java.util.Collections.nCopies(40, "{\"type\": \"Feature\", \"properties\": {\"code\": \"x\"}, "
                + "\"geometry\": {\"type\": \"Point\", \"coordinates\": [0, 0]}}")) + "]}");
        Accounts.admin().authorized().multiPart("file", many.toFile()).multiPart("nameProperty", "libelle").post(ROUTE)
                .then().statusCode(422).body("problems", equalTo(40)).body("errors", hasSize(BoundaryResource.MAX_PROBLEMS))
                .body("detail", containsString("40 problems"))
                .body("errors[0].reason", containsString("has no \"libelle\" property"));
    }

    @Test
    void aMissingFileAPropertyTooLongAndAnUnknownParameterAreNamed() throws IOException {
        Accounts.admin().authorized().multiPart("nameProperty", "nom").post(ROUTE)
                .then().statusCode(400).contentType(Api.PROBLEM).body("errors[0].field", equalTo("file"));
        Path file = Files.writeString(dir.resolve("one.geojson"), "{}");
        Accounts.admin().authorized().multiPart("file", file.toFile()).multiPart("codeProperty", "c".repeat(101)).post(ROUTE)
                .then().statusCode(400).body("errors[0].field", equalTo("codeProperty"));
        Accounts.admin().authorized().multiPart("file", file.toFile()).post(ROUTE + "?dryRun=true")
                .then().statusCode(400).body("errors[0].field", equalTo("dryRun"));
    }

    @Test
    void onlyAdministratorsUpload() throws IOException {
        Path file = Files.writeString(dir.resolve("roles.geojson"), "{}");
        given().multiPart("file", file.toFile()).post(ROUTE).then().statusCode(401).contentType(Api.PROBLEM);
        Accounts.volunteer().authorized().multiPart("file", file.toFile()).post(ROUTE).then().statusCode(403);
        Accounts.fresh(Role.MODERATOR).authorized().multiPart("file", file.toFile()).post(ROUTE).then().statusCode(403);
        Accounts.admin().authorized().multiPart("file", file.toFile()).post(ROUTE).then().statusCode(422)
                .body("detail", containsString("not a GeoJSON FeatureCollection"));
    }
}
