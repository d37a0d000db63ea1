package org.vigie.importer;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Issue 17: an imported camera is first seen at the earliest date its source gives (OpenStreetMap's
 * survey:date, check_date, start_date), not the day of the import; a source that dates nothing
 * leaves it unknown. V29_1's back-fill of the cameras imported before reads the tags as the importer does.
 */
@QuarkusTest
class TrueDatesImportTest extends ImportTestBase {

    private long idOf(String sourceId) {
        return sql.count("SELECT id FROM camera WHERE source = 'osm' AND source_id = ?", sourceId);
    }

    private static OsmXmlFiles survey() {
        return OsmXmlFiles.extract()
                .camera(1101, 1, 2.001, 48.001, "survey:date", "2019-05", "check_date", "2021-03-04", "start_date", "2017")
                .camera(1102, 1, 2.002, 48.002, "survey:date", "2022-06-15")
                .camera(1103, 1, 2.003, 48.003, "check_date", "fixme", "start_date", "2021-02-30")
                .camera(1104, 1, 2.004, 48.004);
    }

    @Test
    void anImportedCameraIsFirstSeenAtTheEarliestDateOfItsTagsNotOnTheDayOfTheImport() throws IOException {
        imports.importFile(survey().write(dir, "dated.osm"), new ImportOptions(null, false, null), c -> { });
        given().get("/api/cameras/{id}", idOf("node/1101")).then().statusCode(200)
                .body("properties.firstSeen", equalTo("2017-01-01"))
                .body("properties.addedAt", equalTo(given().get("/api/cameras/{id}", idOf("node/1101")).then()
                        .extract().jsonPath().getString("properties.createdAt")));
        given().get("/api/cameras/{id}", idOf("node/1102")).then().body("properties.firstSeen", equalTo("2022-06-15"));
        given().get("/api/cameras/{id}", idOf("node/1103")).then().body("properties.firstSeen", nullValue());
        given().get("/api/cameras/{id}", idOf("node/1104")).then().body("properties.firstSeen", nullValue());
        // version 1's history row, written in bulk, holds it too
        given().get("/api/cameras/{id}/history", idOf("node/1102")).then()
                .body("[0].feature.properties.firstSeen", equalTo("2022-06-15"));

        // the source's newer version that dates the camera earlier: the import's update follows it
        imports.importFile(OsmXmlFiles.extract().camera(1102, 2, 2.002, 48.002, "survey:date", "2022-06-15",
                "start_date", "2015-09").write(dir, "newer.osm"), new ImportOptions(null, false, null), c -> { });
        given().get("/api/cameras/{id}", idOf("node/1102")).then().body("properties.firstSeen", equalTo("2015-09-01"));
    }

    @Test
    void theMigrationDatesTheCamerasImportedBeforeAsTheImporterDoes() throws IOException {
        imports.importFile(survey().write(dir, "before.osm"), new ImportOptions(null, false, null), c -> { });
        sql.update("UPDATE camera SET first_seen = NULL WHERE source = 'osm'");
        sql.update(backFill());
        for (long node = 1101; node <= 1104; node++) {
            String stored = sql.text("SELECT first_seen::text FROM camera WHERE id = ?", idOf("node/" + node));
            String json = sql.text("SELECT tags::text FROM camera WHERE id = ?", idOf("node/" + node));
            Map<String, String> tags = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json,
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
            LocalDate expected = ImportDates.firstSeen(tags);
            assertEquals(expected == null ? null : expected.toString(), stored, "node/" + node);
        }
    }

    @Test
    void datesAreReadAsYearsMonthsOrDaysWithinReason() {
        assertEquals(LocalDate.of(2016, 7, 8), ImportDates.parse("2016-07-08"));
        assertEquals(LocalDate.of(2016, 7, 1), ImportDates.parse(" 2016-07 "));
        assertEquals(LocalDate.of(2016, 1, 1), ImportDates.parse("2016"));
        for (String no : new String[] {"08/07/16", "2016-7-8", "1949", "2021-02-30", "2016-13", "~2016", "",
                LocalDate.now(ZoneOffset.UTC).plusYears(1).toString()}) {
            assertNull(ImportDates.parse(no), no);
        }
        assertEquals(LocalDate.of(2010, 1, 1), ImportDates.firstSeen(Map.of("check_date", "2020-01-01", "start_date", "2010",
                "vigie:date", "2012-05-05")));
    }

    /** The back-fill of imported cameras in V29_1: its statement from "UPDATE camera c" to the end of its WHERE. */
    private static String backFill() throws IOException {
        try (InputStream in = TrueDatesImportTest.class.getResourceAsStream(
                "/db/migration/V29_1__true_dates_signs_authorisations.sql")) {
            String migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int from = migration.indexOf("UPDATE camera c SET first_seen");
            return migration.substring(from, migration.indexOf("WHERE c.id = d.id;", from) + "WHERE c.id = d.id".length());
        }
    }
}
