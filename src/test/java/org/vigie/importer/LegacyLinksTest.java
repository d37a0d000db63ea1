package org.vigie.importer;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One camera, not two: a sous-surveillance.net camera and the OpenStreetMap node that names its id
 * (ref:sous-surveillance_net or source:ref) are one camera, whichever is imported first.
 */
@QuarkusTest
class LegacyLinksTest extends ImportTestBase {

    /** Around a spot far from every other test's data. */
    private static final double LON = -150.123;
    private static final double LAT = -40.456;
    private static final String BBOX = (LON - 0.01) + "," + (LAT - 0.01) + "," + (LON + 0.01) + "," + (LAT + 0.01);

    private void importLegacy(String... ids) throws IOException {
        StringBuilder features = new StringBuilder();
        for (int i = 0; i < ids.length; i++) {
            features.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[")
                    .append(LON + i * 0.0001).append(",").append(LAT).append("]},\"properties\":{\"id_camera\":\"").append(ids[i])
                    .append("\",\"apparence\":\"dome\",\"op_type\":\"public\"}}");
        }
        Path file = dir.resolve("legacy.geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}");
        imports.importFile(file, ImportOptions.defaults(), c -> { });
    }

    /** One node, node/7001, with these tags (key, value...; XML-escaped), and one without a reference. */
    private void importOsm(String... tags) throws IOException {
        OsmXmlFiles extract = OsmXmlFiles.extract().camera(7001, 1, LON + 0.00001, LAT, tags)
                .camera(7002, 1, LON + 0.0003, LAT, "operator", "Ville");
        imports.importFile(extract.write(dir, "osm.osm"), ImportOptions.defaults(), c -> { });
    }

    private long legacyId(String id) {
        return sql.count("SELECT id FROM camera WHERE source = 'sous-surveillance' AND source_id = ?", id);
    }

    private void assertCountedOnce(String legacy, String osm) {
        long legacyCamera = legacyId(legacy);
        long osmCamera = sql.count("SELECT id FROM camera WHERE source = 'osm' AND source_id = ?", osm);
        assertEquals(osmCamera, sql.count("SELECT merged_into FROM camera WHERE id = ?", legacyCamera));
        given().get("/api/cameras/{id}/history", legacyCamera).then().statusCode(200)
                .body("[-1].action", equalTo("merge"))
                .body("[-1].reason", containsString("OpenStreetMap's " + osm));
    }

    @Test
    void anOpenStreetMapNodeImportedAfterTheLegacyCameraIsTheSameCamera() throws IOException {
        importLegacy("2467", "2468");
        importOsm("ref:sous-surveillance_net", "2467", "operator", "Ville");
        assertCountedOnce("2467", "node/7001");
        // The map and the statistics count visible cameras: three, not four.
        given().queryParam("bbox", BBOX).get("/api/cameras").then().statusCode(200).body("features", hasSize(3));
        assertEquals(3, sql.count("SELECT count(*) FROM camera WHERE visible AND source <> 'volunteer'"));
    }

    @Test
    void aLegacyCameraImportedAfterTheOpenStreetMapNodeIsTheSameCamera() throws IOException {
        importOsm("source:ref", "http://www.sous-surveillance.net/spip.php?page=camera&amp;id_camera=2500", "operator", "Ville");
        importLegacy("2500");
        assertCountedOnce("2500", "node/7001");
        given().queryParam("bbox", BBOX).get("/api/cameras").then().statusCode(200).body("features", hasSize(2));
        // Imported again: nothing changes twice.
        importLegacy("2500");
        assertEquals(2, sql.count("SELECT version FROM camera WHERE id = ?", legacyId("2500")));
    }

    @Test
    void aLegacyCameraAVolunteerEditedIsNotHidden() throws IOException {
        importLegacy("2600");
        long id = legacyId("2600");
        Api.update(id, 1, LON, LAT, Map.of("kind", "camera", "operator", "Préfecture"));
        importOsm("ref:sous-surveillance_net", "2600");
        assertEquals(1, sql.count("SELECT count(*) FROM camera WHERE id = ? AND visible AND merged_into IS NULL", id));
    }

    @Test
    void anUnrelatedSourceRefLinksNothing() throws IOException {
        importLegacy("2700");
        importOsm("source:ref", "survey 2700 by bike");
        assertEquals(1, sql.count("SELECT count(*) FROM camera WHERE id = ? AND visible", legacyId("2700")));
    }
}
