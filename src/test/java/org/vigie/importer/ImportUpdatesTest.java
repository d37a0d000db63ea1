package org.vigie.importer;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.vigie.account.Role;
import org.vigie.support.Accounts;
import org.vigie.support.Api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Re-imports: nothing changes twice, newer versions update, volunteers' edits survive, --full-area. */
@QuarkusTest
class ImportUpdatesTest extends ImportTestBase {

    /** Three cameras, a camera mapped as a building outline, and a relation around another building. */
    private static OsmXmlFiles firstSurvey() {
        return OsmXmlFiles.extract()
                .camera(1001, 1, 2.001, 48.001, "camera:type", "fixed", "direction", "90")
                .camera(1002, 1, 2.002, 48.002, "operator", "RATP")
                .camera(1003, 1, 2.003, 48.003)
                .square(2001, 5001, 2.004, 48.004, 0.0002, true)
                .square(2002, 5011, 2.006, 48.006, 0.0002, false)
                .relation(3001, 2002);
    }

    private ImportReport importXml(OsmXmlFiles extract, String name, boolean fullArea) throws IOException {
        return imports.importFile(extract.write(dir, name), new ImportOptions(null, fullArea, null), c -> { });
    }

    private long idOf(String sourceId) {
        return sql.count("SELECT id FROM camera WHERE source = 'osm' AND source_id = ?", sourceId);
    }

    private long versions() {
        return sql.count("SELECT count(*) FROM camera_version");
    }

    @Test
    void waysAndRelationsArePlacedAtTheCentroidOfTheirNodes() throws IOException {
        ImportReport r = importXml(firstSurvey(), "v1.osm", false);
        assertEquals(5, r.created());
        given().get("/api/cameras/{id}", idOf("way/2001")).then().statusCode(200)
                .body("geometry.coordinates", contains(2.0041f, 48.0041f));
        given().get("/api/cameras/{id}", idOf("relation/3001")).then().statusCode(200)
                .body("geometry.coordinates", contains(2.0061f, 48.0061f));
        assertEquals(Map.of("not_surveillance", 1L, "untagged", 8L), r.skipped());
    }

    @Test
    void thePbfReaderResolvesWaysAndRelationsToo() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/osmium")),
                "skipped: osmium-tool (Debian package) is needed to write the PBF; ./dev test installs it");
        Path xml = firstSurvey().write(dir, "v1.osm");
        Path pbf = dir.resolve("v1.osm.pbf");
        Process osmium = new ProcessBuilder("/usr/bin/osmium", "cat", xml.toString(), "-o", pbf.toString())
                .redirectErrorStream(true).start();
        assertEquals(0, osmium.waitFor(), new String(osmium.getInputStream().readAllBytes()));

        ImportReport r = imports.importFile(pbf, ImportOptions.defaults(), c -> { });
        assertEquals("pbf", r.format());
        assertEquals(5, r.created());
        given().get("/api/cameras/{id}", idOf("way/2001")).then().body("geometry.coordinates", contains(2.0041f, 48.0041f));
        given().get("/api/cameras/{id}", idOf("relation/3001")).then().body("geometry.coordinates", contains(2.0061f, 48.0061f));
    }

    @Test
    void reimportingTheSameFileChangesNothing() throws IOException {
        importXml(firstSurvey(), "v1.osm", false);
        long before = versions();
        ImportReport again = importXml(firstSurvey(), "v1-again.osm", false);
        assertEquals(0, again.created());
        assertEquals(0, again.updated());
        assertEquals(5, again.unchanged());
        assertEquals(before, versions(), "no new version");
        assertEquals(5, ImportFixtures.imported(sql, "osm"));
    }

    @Test
    void aNewerVersionUpdatesTheCameraAsANewVersion() throws IOException {
        importXml(firstSurvey(), "v1.osm", false);
        OsmXmlFiles newer = OsmXmlFiles.extract()
                .camera(1001, 2, 2.001, 48.001, "camera:type", "fixed", "direction", "180")
                .camera(1002, 1, 2.002, 48.002, "operator", "RATP")
                .camera(1003, 1, 2.003, 48.003)
                .square(2001, 5001, 2.004, 48.004, 0.0002, true)
                .square(2002, 5011, 2.006, 48.006, 0.0002, false)
                .relation(3001, 2002);
        ImportReport r = importXml(newer, "v2.osm", false);
        assertEquals(1, r.updated());
        assertEquals(4, r.unchanged());
        long id = idOf("node/1001");
        given().get("/api/cameras/{id}", id).then().header("ETag", "\"2\"")
                .body("properties.directions", contains(180));
        given().get("/api/cameras/{id}/history", id).then()
                .body("action", contains("import", "import"))
                .body("[1].changedFields", hasItem("directions"));
        assertEquals(2, sql.count("SELECT source_version FROM camera WHERE id = ?", id));
    }

    @Test
    void anOlderVersionInTheFileDoesNotGoBackInTime() throws IOException {
        importXml(OsmXmlFiles.extract().camera(1001, 3, 2.001, 48.001, "direction", "45"), "v3.osm", false);
        ImportReport r = importXml(OsmXmlFiles.extract().camera(1001, 2, 2.001, 48.001, "direction", "90"), "v2.osm", false);
        assertEquals(Map.of("older_than_stored", 1L), r.skipped());
        given().get("/api/cameras/{id}", idOf("node/1001")).then().body("properties.directions", contains(45));
    }

    @Test
    void aFileWithoutVersionsDoesNotReplaceAVersionedCamera() throws IOException {
        importXml(OsmXmlFiles.extract().camera(1001, 7, 2.001, 48.001, "direction", "45"), "v7.osm", false);
        String unversioned = OsmXmlFiles.extract().camera(1001, 1, 2.001, 48.001, "direction", "90").xml()
                .replace(" version=\"1\"", "");
        ImportReport r = imports.importFile(Files.writeString(dir.resolve("no-meta.osm"), unversioned),
                ImportOptions.defaults(), c -> { });
        assertEquals(Map.of("no_version_to_compare", 1L), r.skipped());
        given().get("/api/cameras/{id}", idOf("node/1001")).then().body("properties.directions", contains(45));
    }

    @Test
    void aVolunteersEditSurvivesANewerSourceVersion() throws IOException {
        importXml(firstSurvey(), "v1.osm", false);
        long id = idOf("node/1002");
        given().get("/api/cameras/{id}/history", id).then()
                .body("action", contains("import"))
                .body("[0].feature.properties.operator", equalTo("RATP"));
        Api.asVolunteer().header("If-Match", "\"1\"")
                .body(Api.feature(2.002, 48.002, Map.of("operator", "RATP (vu sur place)", "signage", "absent")))
                .put("/api/cameras/{id}", id).then().statusCode(200);
        // The imported version is kept as it was imported, before the volunteer's.
        given().get("/api/cameras/{id}/history", id).then()
                .body("action", contains("import", "update"))
                .body("version", contains(1, 2))
                .body("[0].feature.properties.operator", equalTo("RATP"))
                .body("[0].feature.properties.version", equalTo(1))
                .body("[1].changedFields", hasItem("operator"))
                .body("[1].feature.properties.operator", equalTo("RATP (vu sur place)"));

        ImportReport r = importXml(OsmXmlFiles.extract().camera(1002, 2, 2.002, 48.002, "operator", "Île-de-France Mobilités"),
                "v2.osm", false);
        assertEquals(1, r.conflicts());
        assertEquals(List.of("node/1002"), r.conflictSourceIds());
        assertEquals(0, r.updated());
        given().get("/api/cameras/{id}", id).then().header("ETag", "\"2\"")
                .body("properties.operator", equalTo("RATP (vu sur place)"))
                .body("properties.signage", equalTo("absent"));
    }

    @Test
    void fullAreaMarksCamerasGoneFromTheFileAsRemoved() throws IOException {
        importXml(firstSurvey(), "v1.osm", false);
        // An OSM camera from another extract, outside this one's bounds: not this file's business.
        importXml(OsmXmlFiles.extract().camera(9001, 1, 2.5, 48.5), "elsewhere.osm", false);
        long outside = idOf("node/9001");
        ImportReport r = importXml(OsmXmlFiles.extract()
                .camera(1001, 1, 2.001, 48.001, "camera:type", "fixed", "direction", "90")
                .camera(1002, 1, 2.002, 48.002, "operator", "RATP"), "v2.osm", true);
        assertEquals(3, r.removed(), "node/1003, way/2001, relation/3001");
        for (String gone : List.of("node/1003", "way/2001", "relation/3001")) {
            given().get("/api/cameras/{id}", idOf(gone)).then().statusCode(200)
                    .body("properties.status", equalTo("removed"))
                    .body("properties.version", equalTo(2));
            given().get("/api/cameras/{id}/history", idOf(gone)).then()
                    .body("action", contains("import", "import"))
                    .body("[0].feature.properties.status", equalTo("reported"))
                    .body("[1].changedFields", contains("status"));
        }
        given().get("/api/cameras/{id}", idOf("node/1001")).then().body("properties.status", equalTo("reported"));
        given().get("/api/cameras/{id}", outside).then().body("properties.status", equalTo("reported"));

        // Back in the source, the camera is back in service.
        ImportReport back = importXml(firstSurvey(), "v3.osm", true);
        assertEquals(3, back.updated());
        given().get("/api/cameras/{id}", idOf("node/1003")).then().body("properties.status", equalTo("reported"));
    }

    @Test
    void anObjectTwiceInALargeFileIsOneCameraEvenWithFullArea() throws IOException {
        OsmXmlFiles big = OsmXmlFiles.extract();
        for (int i = 0; i < 2500; i++) {
            big.camera(100_000 + i, 1, 2.0 + i * 2e-6, 48.005);
        }
        big.camera(100_000, 1, 2.0, 48.005); // again, in the second block
        ImportReport r = importXml(big, "twice.osm", true);
        assertEquals(2500, r.created());
        assertEquals(1, r.unchanged());
        assertEquals(2500, ImportFixtures.imported(sql, "osm"));
    }

    @Test
    void aRemovedCameraAVolunteerTookDownIsLeftAlone() throws IOException {
        importXml(firstSurvey(), "v1.osm", false);
        long id = idOf("node/1003");
        // a volunteer's edit, then the reports that took it down (a status changes without a version)
        Api.update(id, 1, 2.003, 48.003, Map.of());
        sql.update("UPDATE camera SET status = 'removed' WHERE id = ?", id);
        ImportReport again = importXml(firstSurvey(), "v1-again.osm", false);
        assertEquals(5, again.unchanged());
        assertEquals(0, again.conflicts());
        given().get("/api/cameras/{id}", id).then().body("properties.status", equalTo("removed"));
    }

    @Test
    void fullAreaLeavesAVolunteersEditedCameraAndReportsIt() throws IOException {
        importXml(firstSurvey(), "v1.osm", false);
        long id = idOf("node/1003");
        Api.asVolunteer().header("If-Match", "\"1\"").body(Api.feature(2.003, 48.003, Map.of("notes", "still there in November")))
                .put("/api/cameras/{id}", id).then().statusCode(200);
        ImportReport r = importXml(OsmXmlFiles.extract().camera(1001, 1, 2.001, 48.001), "v2.osm", true);
        assertTrue(r.conflictSourceIds().contains("node/1003"));
        given().get("/api/cameras/{id}", id).then().body("properties.status", equalTo("reported"));
    }

    @Test
    void theImportedVersionKeepsItsStatusAfterReportsAndConfirmations() throws IOException {
        importXml(firstSurvey(), "v1.osm", false);
        long id = idOf("node/1002");
        Accounts.fresh(Role.VOLUNTEER).request().body(Map.of("reason", "wrong_details"))
                .post("/api/cameras/{id}/reports", id).then().statusCode(201);
        Accounts.fresh(Role.VOLUNTEER).authorized().post("/api/cameras/{id}/confirmations", id)
                .then().statusCode(201);
        given().get("/api/cameras/{id}", id).then().header("ETag", "\"1\"")
                .body("properties.status", equalTo("disputed")).body("properties.confirmations", equalTo(1));
        // The history shows version 1 as the import wrote it, not as the reports left the row.
        given().get("/api/cameras/{id}/history", id).then()
                .body("action", contains("import"))
                .body("[0].feature.properties.status", equalTo("reported"))
                .body("[0].feature.properties.confirmations", equalTo(0));

        Api.asVolunteer().header("If-Match", "\"1\"").body(Api.feature(2.002, 48.002, Map.of("operator", "RATP", "notes", "two of them")))
                .put("/api/cameras/{id}", id).then().statusCode(200);
        given().get("/api/cameras/{id}/history", id).then()
                .body("action", contains("import", "update"))
                .body("[0].feature.properties.status", equalTo("reported"))
                .body("[0].feature.properties.confirmations", equalTo(0))
                .body("[1].feature.properties.status", equalTo("disputed"));
    }

    @Test
    void aReimportDoesNotClaimTheStatusThatConfirmationsChanged() throws IOException {
        importXml(firstSurvey(), "v1.osm", false);
        long id = idOf("node/1001");
        for (int i = 0; i < 2; i++) {
            Accounts.fresh(Role.VOLUNTEER).authorized().post("/api/cameras/{id}/confirmations", id).then().statusCode(201);
        }
        given().get("/api/cameras/{id}", id).then().body("properties.status", equalTo("verified"));
        OsmXmlFiles newer = OsmXmlFiles.extract().camera(1001, 2, 2.001, 48.001, "camera:type", "fixed", "direction", "180");
        assertEquals(1, importXml(newer, "v2.osm", false).updated());
        given().get("/api/cameras/{id}/history", id).then()
                .body("action", contains("import", "import"))
                .body("[1].changedFields", hasItem("directions"))
                .body("[1].changedFields", org.hamcrest.Matchers.not(hasItem("status")))
                .body("[1].feature.properties.status", equalTo("verified"));
    }
}
