package org.vigie.importer;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.vigie.importer.list.ListOptionsParser;
import org.vigie.support.Api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 17: one camera known to two sources (an OpenStreetMap node and its official-list row, or its
 * sous-surveillance.net record) is first seen at the earlier of their days, whichever was imported
 * first, through the one write path (a version of the camera kept, saying where the day comes
 * from); a later import of either changes nothing, and a later version never makes it younger.
 */
@QuarkusTest
class TwinFirstSeenTest extends ImportTestBase {

    private static final String PARIS_HEADER = "Code postal;Numéro;Implantation;Précision;Date de mise en service;lon;lat";

    private Path osm(String name, long node, int version, String timestamp, double lon, double lat, String... tags)
            throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<osm version=\"0.6\">\n")
                .append(String.format(Locale.ROOT, "  <node id=\"%d\" version=\"%d\" timestamp=\"%s\" lat=\"%.7f\" lon=\"%.7f\">%n",
                        node, version, timestamp, lat, lon))
                .append("    <tag k=\"man_made\" v=\"surveillance\"/>\n");
        for (int i = 0; i < tags.length; i += 2) {
            xml.append("    <tag k=\"").append(tags[i]).append("\" v=\"").append(tags[i + 1]).append("\"/>\n");
        }
        return Files.writeString(dir.resolve(name), xml.append("  </node>\n</osm>\n").toString());
    }

    /** A list in the Paris police's format: one row, commissioned on 8 July 2016. */
    private Path list(double lon, double lat) throws IOException {
        return Files.writeString(dir.resolve("list.csv"), PARIS_HEADER + "\r\n" + String.format(Locale.ROOT,
                "75001;P7001;Rue de Rivoli;angle;08/07/16;%.7f;%.7f\r\n", lon, lat));
    }

    private ImportReport importList(Path file, String source) {
        return imports.importFile(file, new ImportOptions(ImportFormat.CSV, false, null,
                ListOptionsParser.parse(Map.of("source", List.of(source)))), c -> { });
    }

    private ImportReport importFile(Path file) {
        return imports.importFile(file, ImportOptions.defaults(), c -> { });
    }

    private long osmCamera(long node) {
        return sql.count("SELECT id FROM camera WHERE source = 'osm' AND source_id = ?", "node/" + node);
    }

    private static double fiveMetresEast(double lat) {
        return 5 / (111_320 * Math.cos(Math.toRadians(lat)));
    }

    @Test
    void anOpenStreetMapCameraTakesItsListTwinsEarlierDayWhenTheListComesSecond() throws IOException {
        double[] spot = Api.freshSpot();
        importFile(osm("first.osm", 7001, 1, "2019-01-01T00:00:00Z", spot[0], spot[1]));
        String source = "twin-list-" + Long.toString(System.nanoTime(), 36);
        ImportReport listed = importList(list(spot[0] + fiveMetresEast(spot[1]), spot[1]), source);
        assertEquals(1, listed.linked());
        assertMergedWithTheListsDay(7001, source);

        // the same files again change nothing; the node's next version, saved in 2021, keeps the list's day
        assertEquals(1, importFile(osm("first.osm", 7001, 1, "2019-01-01T00:00:00Z", spot[0], spot[1])).unchanged());
        assertEquals(0, importList(list(spot[0] + fiveMetresEast(spot[1]), spot[1]), source).updated());
        ImportReport newer = importFile(osm("newer.osm", 7001, 2, "2021-06-01T00:00:00Z", spot[0], spot[1], "operator", "Ville"));
        assertEquals(1, newer.updated(), "the camera is still the import's own: no conflict");
        assertEquals("2016-07-08", sql.text("SELECT first_seen::text FROM camera WHERE id = ?", osmCamera(7001)));
    }

    @Test
    void anOpenStreetMapCameraTakesItsListTwinsEarlierDayWhenTheListCameFirst() throws IOException {
        double[] spot = Api.freshSpot();
        String source = "twin-list-" + Long.toString(System.nanoTime(), 36);
        assertEquals(0, importList(list(spot[0], spot[1]), source).linked());
        ImportReport mapped = importFile(osm("second.osm", 7002, 1, "2019-01-01T00:00:00Z", spot[0] + fiveMetresEast(spot[1]), spot[1]));
        assertEquals(1, mapped.linked(), "the list imported before is linked by the OpenStreetMap import");
        assertMergedWithTheListsDay(7002, source);
        assertEquals(0, importFile(osm("second.osm", 7002, 1, "2019-01-01T00:00:00Z", spot[0] + fiveMetresEast(spot[1]),
                spot[1])).linked());
    }

    private void assertMergedWithTheListsDay(long node, String source) {
        long kept = osmCamera(node);
        assertEquals(kept, sql.count("SELECT merged_into FROM camera WHERE source = ?", source));
        assertEquals(1, sql.count("SELECT count(*) FROM camera WHERE visible AND (id = ? OR source = ?)", kept, source));
        given().get("/api/cameras/{id}", kept).then().statusCode(200).body("properties.firstSeen", equalTo("2016-07-08"));
        given().get("/api/cameras/{id}/history", kept).then().statusCode(200)
                .body("[-1].reason", containsString("first seen 2016-07-08 by " + source + " P7001"))
                .body("[-1].feature.properties.firstSeen", equalTo("2016-07-08"))
                .body("[-2].feature.properties.firstSeen", equalTo("2019-01-01"));
    }

    /** A collective's own copy of the 2012 archive, dated: its record and the node naming it, in both orders. */
    @Test
    void anOpenStreetMapCameraTakesItsLegacyTwinsEarlierDayInEitherOrder() throws IOException {
        double[] spot = Api.freshSpot();
        String legacy = "{\"type\":\"FeatureCollection\",\"features\":["
                + legacyFeature(8101, spot[0], spot[1]) + "," + legacyFeature(8102, spot[0] + 0.001, spot[1]) + "]}";
        // the first node comes before its record, the second after
        importFile(osm("a.osm", 8001, 1, "2018-02-02T00:00:00Z", spot[0], spot[1], "ref:sous-surveillance_net", "8101"));
        importFile(Files.writeString(dir.resolve("legacy.geojson"), legacy));
        importFile(osm("b.osm", 8002, 1, "2018-02-02T00:00:00Z", spot[0] + 0.001, spot[1], "ref:sous-surveillance_net", "8102"));
        for (long node : new long[] {8001, 8002}) {
            long kept = osmCamera(node);
            assertEquals(kept, sql.count("SELECT merged_into FROM camera WHERE source = 'sous-surveillance' AND source_id = ?",
                    String.valueOf(node + 100)), "node/" + node);
            given().get("/api/cameras/{id}", kept).then().body("properties.firstSeen", equalTo("2010-05-01"));
            given().get("/api/cameras/{id}/history", kept).then()
                    .body("[-1].reason", containsString("first seen 2010-05-01 by sous-surveillance " + (node + 100)));
        }
    }

    private static String legacyFeature(long id, double lon, double lat) {
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.7f,%.7f]},"
                + "\"properties\":{\"id_camera\":\"%d\",\"apparence\":\"dome\",\"op_type\":\"public\",\"survey:date\":\"2010-05\"}}",
                lon, lat, id);
    }
}
