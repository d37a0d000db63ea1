package org.vigie.importer;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;
import org.vigie.support.SharedData;
import org.vigie.support.Sql;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The real files of ../shared/data, imported whole: exact counts and mapped fields. */
@QuarkusTest
class RealDataImportTest {

    @Inject
    ImportService imports;
    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @BeforeEach
    void clean() {
        ImportFixtures.forgetImportedCameras(sql);
    }

    private ImportReport importFile(String relative) {
        return imports.importFile(SharedData.file(relative), ImportOptions.defaults(), c -> { });
    }

    private long idOf(String sourceId) {
        return sql.count("SELECT id FROM camera WHERE source_id = ?", sourceId);
    }

    @Test
    void monacoPbf() {
        ImportReport r = importFile("osm/monaco-2021-04-21.osm.pbf");
        assertEquals("pbf", r.format());
        assertEquals(10, r.created());
        assertEquals(29_772, r.elementsRead());
        assertEquals(Map.of("untagged", 23_057L, "not_surveillance", 6_704L, "monitoring_station", 1L), r.skipped());
        assertEquals(10, ImportFixtures.imported(sql, "osm"));

        given().get("/api/cameras/{id}", idOf("node/6459866647")).then().statusCode(200)
                .body("geometry.coordinates", contains(7.4155145f, 43.7332957f))
                .body("properties.kind", equalTo("camera"))
                .body("properties.cameraType", equalTo("fixed"))
                .body("properties.mount", equalTo("pole"))
                .body("properties.directions", contains(240))
                .body("properties.filmedArea", equalTo("outdoor"))
                .body("properties.source", equalTo("osm"))
                .body("properties.sourceId", equalTo("node/6459866647"))
                .body("properties.tags.source", equalTo("survey 2019"));
        given().get("/api/cameras/{id}", idOf("node/6471920429")).then()
                .body("properties.cameraType", equalTo("panning"))
                .body("properties.zone", equalTo("traffic"));
        assertEquals(1, sql.count("SELECT source_version FROM camera WHERE source_id = 'node/6459866647'"));
    }

    @Test
    void campusOsmXml() {
        ImportReport r = importFile("osm/virginia-tech-campus-2012.osm");
        assertEquals("osm-xml", r.format());
        assertEquals(98, r.elementsRead());
        assertEquals(98, r.created());
        assertEquals(Map.of(), r.skipped());
        assertEquals(30, sql.count("SELECT count(*) FROM camera WHERE source = 'osm' AND filmed_area = 'indoor'"));
        assertEquals(75, sql.count("SELECT count(*) FROM camera WHERE source = 'osm' AND operator = 'Virginia Tech'"));
        assertEquals(11 + 1, sql.count("SELECT count(*) FROM camera WHERE source = 'osm' AND kind = 'webcam'"), "webcam, and webcam;public");
        assertEquals(36, sql.count("SELECT count(*) FROM camera WHERE source = 'osm' AND level IS NOT NULL"));
        given().get("/api/cameras/{id}", idOf("node/1916294100")).then()
                .body("properties.kind", equalTo("webcam"))
                .body("properties.filmedArea", equalTo("public"))
                .body("properties.notes", equalTo("Burruss Hall Webcam"));
    }

    @Test
    void worldwideOverpassJsonWithItsEdgeCases() {
        ImportReport r = importFile("osm/webcams-world-overpass-2024-06-23.json");
        assertEquals("overpass-json", r.format());
        assertEquals(5_932, r.elementsRead());
        assertEquals(5_301, r.created(), "5,299 nodes and 2 ways tagged man_made=surveillance");
        assertEquals(Map.of("monitoring_station", 446L, "not_surveillance", 185L), r.skipped());
        assertEquals(16, r.notes().get("direction_unparsed"));

        // A way is placed at its center.
        given().get("/api/cameras/{id}", idOf("way/838292008")).then().statusCode(200)
                .body("geometry.coordinates", contains(19.079918f, 47.5201137f))
                .body("properties.filmedArea", equalTo("outdoor"));
        // man_made=tower;surveillance counts.
        assertEquals(3, sql.count("SELECT count(*) FROM camera WHERE source = 'osm' AND tags->>'man_made' LIKE '%;surveillance'"));
        // Several directions, a full turn, a cardinal point and nonsense.
        given().get("/api/cameras/{id}", idOf("node/10766423184")).then()
                .body("properties.directions", contains(0, 90, 180, 270));
        given().get("/api/cameras/{id}", idOf("node/5536233321")).then()
                .body("properties.directions", equalTo(java.util.List.of()))
                .body("properties.fieldOfView", equalTo(360));
        given().get("/api/cameras/{id}", idOf("node/896455168")).then()
                .body("properties.directions", contains(135));
        given().get("/api/cameras/{id}", idOf("node/11227936501")).then()
                .body("properties.directions", equalTo(java.util.List.of()))
                .body("properties.tags.'camera:direction'", equalTo("fixme"));
        // Monitoring stations never become cameras.
        assertEquals(0, sql.count("SELECT count(*) FROM camera WHERE tags->>'man_made' = 'monitoring_station'"));
    }

    @Test
    void sousSurveillanceExport() {
        ImportReport r = importFile("legacy/sous-surveillance-2012.geojson");
        assertEquals("sous-surveillance", r.format());
        assertEquals(2_279, r.created());
        assertEquals(2_279, ImportFixtures.imported(sql, "sous-surveillance"));
        assertEquals(21, sql.count("SELECT count(*) FROM camera WHERE source = 'sous-surveillance' AND kind = 'other'"));
        assertEquals(934, sql.count("SELECT count(*) FROM camera WHERE source = 'sous-surveillance' AND camera_type = 'dome'"));
        assertEquals(1_179, sql.count("SELECT count(*) FROM camera WHERE source = 'sous-surveillance' AND operator_type = 'private'"));
        assertEquals(234 + 6, sql.count("SELECT count(*) FROM camera WHERE source = 'sous-surveillance' AND zone = 'bank'"));

        long nimes = idOf("2467");
        given().get("/api/cameras/{id}", nimes).then()
                .body("properties.kind", equalTo("other"))
                .body("properties.directions", contains(285))
                .body("properties.operator", equalTo("ville de Nîmes ?"))
                .body("properties.operatorType", equalTo("public"))
                .body("properties.zone", equalTo("traffic"))
                .body("properties.notes", equalTo("111-123 Route de Sauve"))
                .body("properties.tags.apparence", equalTo("radar"))
                .body("properties.tags.contenu_popup", containsString("<h2>111-123 Route de Sauve</h2>"));
    }

    @Test
    void importedCamerasHaveAnImportVersionInTheirHistory() {
        importFile("osm/monaco-2021-04-21.osm.pbf");
        given().get("/api/cameras/{id}/history", idOf("node/6459866647")).then()
                .body("action", contains("import"))
                .body("[0].feature.properties.sourceId", equalTo("node/6459866647"));
        given().queryParam("bbox", "7.40,43.72,7.45,43.76").queryParam("limit", 50).get("/api/cameras")
                .then().body("features.properties.sourceId", hasItem("node/6482565668"));
    }
}
