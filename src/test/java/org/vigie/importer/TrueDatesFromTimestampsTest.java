package org.vigie.importer;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.vigie.watch.WatchTestCities;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 17, "true dates from a PBF's timestamps": an OpenStreetMap camera is first seen at the
 * earliest of its element's timestamp and of its survey:date, check_date and start_date, in every
 * OSM reader (PBF, XML, Overpass JSON); a later version never makes it younger; a camera imported
 * before the timestamps were read takes its day at the next import of the same file. The city's
 * timeline counts by those years.
 */
@QuarkusTest
class TrueDatesFromTimestampsTest extends ImportTestBase {

    private String firstSeen(String sourceId) {
        return sql.text("SELECT first_seen::text FROM camera WHERE source = 'osm' AND source_id = ?", sourceId);
    }

    /** An OPL node line: id, version, timestamp, position, tags (k=v,k=v). */
    private static String node(long id, int version, String timestamp, double lon, double lat, String tags) {
        return String.format(Locale.ROOT, "n%d v%d dV c1 t%s i1 umapper T%s x%.7f y%.7f", id, version, timestamp, tags, lon, lat);
    }

    /** The OPL text written as a PBF by osmium, as an extract from Geofabrik holds it (dense nodes with their timestamps). */
    private Path pbf(String name, String... lines) throws IOException, InterruptedException {
        Path opl = Files.writeString(dir.resolve(name + ".opl"), String.join("\n", lines) + "\n");
        Path pbf = dir.resolve(name + ".osm.pbf");
        Process osmium = new ProcessBuilder("/usr/bin/osmium", "cat", opl.toString(), "-o", pbf.toString(), "--overwrite")
                .redirectErrorStream(true).start();
        String said = new String(osmium.getInputStream().readAllBytes());
        assertEquals(0, osmium.waitFor(), said);
        return pbf;
    }

    @Test
    void trueDatesFromAPbfsTimestamps() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/osmium")),
                "skipped: osmium-tool (Debian package) is needed to write the PBF; ./dev test installs it");
        Object[] city = WatchTestCities.city(sql, "Horodateville");
        String code = (String) city[0];
        double lon = (Double) city[1];
        double lat = (Double) city[2];
        Path extract = pbf("stamped",
                node(1, 1, "2013-04-02T10:00:00Z", lon + 0.001, lat, "man_made=surveillance"),
                node(2, 1, "2019-08-01T00:00:00Z", lon + 0.002, lat, "man_made=surveillance,survey:date=2011-06"),
                node(3, 1, "2020-01-15T23:59:59Z", lon + 0.003, lat, "man_made=surveillance,start_date=2022"),
                node(4, 3, "2013-11-30T12:00:00Z", lon + 0.004, lat, "man_made=surveillance,camera:type=dome"),
                node(5, 1, "2009-01-01T00:00:00Z", lon + 0.005, lat, "amenity=bench"),
                node(100, 1, "2021-05-05T00:00:00Z", lon - 0.002, lat - 0.002, ""),
                node(101, 1, "2021-05-05T00:00:00Z", lon - 0.001, lat - 0.002, ""),
                node(102, 1, "2021-05-05T00:00:00Z", lon - 0.001, lat - 0.001, ""),
                node(103, 1, "2021-05-05T00:00:00Z", lon - 0.002, lat - 0.001, ""),
                "w10 v1 dV c1 t2012-02-03T04:05:06Z i1 umapper Tman_made=surveillance Nn100,n101,n102,n103,n100");

        ImportReport first = imports.importFile(extract, ImportOptions.defaults(), c -> { });
        assertEquals("pbf", first.format());
        assertEquals(5, first.created());
        assertEquals("2013-04-02", firstSeen("node/1"), "the element's own timestamp, no date tag");
        assertEquals("2011-06-01", firstSeen("node/2"), "a survey month earlier than the timestamp");
        assertEquals("2020-01-15", firstSeen("node/3"), "a timestamp earlier than the start date");
        assertEquals("2013-11-30", firstSeen("node/4"));
        assertEquals("2012-02-03", firstSeen("way/10"), "the way's own timestamp, not its nodes'");
        long one = sql.count("SELECT id FROM camera WHERE source = 'osm' AND source_id = 'node/1'");
        given().get("/api/cameras/{id}", one).then().statusCode(200).body("properties.firstSeen", equalTo("2013-04-02"));

        // the city's timeline counts by those years, every camera dated
        given().get("/api/cities/{code}/stats", code).then().statusCode(200)
                .body("total", equalTo(5))
                .body("firstSeenUnknown", equalTo(0))
                .body("firstSeenPerYear.find { it.year == 2011 }.count", equalTo(1))
                .body("firstSeenPerYear.find { it.year == 2012 }.count", equalTo(1))
                .body("firstSeenPerYear.find { it.year == 2013 }.count", equalTo(2))
                .body("firstSeenPerYear.find { it.year == 2020 }.count", equalTo(1))
                .body("firstSeenPerYear.count.sum()", equalTo(5))
                .body("additionsPerMonth.count.sum()", equalTo(5));

        ImportReport again = imports.importFile(extract, ImportOptions.defaults(), c -> { });
        assertEquals(0, again.created());
        assertEquals(0, again.updated());
        assertEquals(5, again.unchanged());

        // a later version, saved years after: the camera was there before, it stays first seen in 2013
        ImportReport later = imports.importFile(pbf("later",
                node(1, 2, "2024-01-01T00:00:00Z", lon + 0.0011, lat, "man_made=surveillance,operator=Mairie")),
                ImportOptions.defaults(), c -> { });
        assertEquals(1, later.updated());
        assertEquals("Mairie", sql.text("SELECT operator FROM camera WHERE source = 'osm' AND source_id = 'node/1'"));
        assertEquals("2013-04-02", firstSeen("node/1"));
    }

    @Test
    void osmXmlAndOverpassJsonGiveTheirTimestampsToo() throws IOException {
        Path xml = Files.writeString(dir.resolve("stamped.osm"), "<?xml version=\"1.0\"?>\n<osm version=\"0.6\">\n"
                + "  <node id=\"71\" version=\"2\" timestamp=\"2014-05-06T07:08:09Z\" lat=\"48.0071\" lon=\"2.0071\">\n"
                + "    <tag k=\"man_made\" v=\"surveillance\"/>\n  </node>\n"
                + "  <node id=\"72\" version=\"1\" timestamp=\"yesterday\" lat=\"48.0072\" lon=\"2.0072\">\n"
                + "    <tag k=\"man_made\" v=\"surveillance\"/>\n  </node>\n"
                + "  <node id=\"73\" version=\"1\" timestamp=\"2099-01-01T00:00:00Z\" lat=\"48.0073\" lon=\"2.0073\">\n"
                + "    <tag k=\"man_made\" v=\"surveillance\"/>\n  </node>\n</osm>\n");
        assertEquals(3, imports.importFile(xml, ImportOptions.defaults(), c -> { }).created());
        assertEquals("2014-05-06", firstSeen("node/71"));
        assertNull(firstSeen("node/72"), "a malformed timestamp is no day, and no failure");
        assertNull(firstSeen("node/73"), "a day to come is no day");

        Path json = Files.writeString(dir.resolve("overpass.json"), "{\"elements\": ["
                + "{\"type\": \"node\", \"id\": 81, \"lat\": 48.0081, \"lon\": 2.0081, \"version\": 4,"
                + " \"timestamp\": \"2015-03-04T00:00:00Z\", \"tags\": {\"man_made\": \"surveillance\", \"check_date\": \"2018\"}},"
                + "{\"type\": \"way\", \"id\": 82, \"center\": {\"lat\": 48.0082, \"lon\": 2.0082}, \"version\": 1,"
                + " \"timestamp\": \"2016-07-01T12:00:00Z\", \"tags\": {\"man_made\": \"surveillance\"}},"
                + "{\"type\": \"node\", \"id\": 83, \"lat\": 48.0083, \"lon\": 2.0083, \"tags\": {\"man_made\": \"surveillance\"}}"
                + "]}");
        ImportReport overpass = imports.importFile(json, ImportOptions.defaults(), c -> { });
        assertEquals("overpass-json", overpass.format());
        assertEquals(3, overpass.created());
        assertEquals("2015-03-04", firstSeen("node/81"));
        assertEquals("2016-07-01", firstSeen("way/82"));
        assertNull(firstSeen("node/83"), "Overpass without \"out meta\" gives no timestamp");
    }

    @Test
    void aCameraImportedWithoutItsTimestampTakesItsDayAtTheNextImport() throws IOException {
        String without = "<?xml version=\"1.0\"?>\n<osm version=\"0.6\">\n"
                + "  <node id=\"91\" version=\"3\" lat=\"48.0091\" lon=\"2.0091\">\n"
                + "    <tag k=\"man_made\" v=\"surveillance\"/>\n  </node>\n</osm>\n";
        imports.importFile(Files.writeString(dir.resolve("without.osm"), without), ImportOptions.defaults(), c -> { });
        assertNull(firstSeen("node/91"));
        int version = (int) sql.count("SELECT version FROM camera WHERE source = 'osm' AND source_id = 'node/91'");

        // the same element, version and tags: only its timestamp is now read
        Path with = Files.writeString(dir.resolve("with.osm"), without.replace("version=\"3\"",
                "version=\"3\" timestamp=\"2017-10-11T00:00:00Z\""));
        ImportReport dated = imports.importFile(with, ImportOptions.defaults(), c -> { });
        assertEquals(1, dated.updated());
        assertEquals("2017-10-11", firstSeen("node/91"));
        long id = sql.count("SELECT id FROM camera WHERE source = 'osm' AND source_id = 'node/91'");
        given().get("/api/cameras/{id}/history", id).then().statusCode(200)
                .body("[-1].changedFields", equalTo(java.util.List.of("firstSeen")))
                .body("[-1].feature.properties.version", equalTo(version + 1));

        ImportReport again = imports.importFile(with, ImportOptions.defaults(), c -> { });
        assertEquals(0, again.updated());
        assertEquals(1, again.unchanged());
    }
}
