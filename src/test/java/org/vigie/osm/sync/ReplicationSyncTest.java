package org.vigie.osm.sync;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;
import org.vigie.support.Concurrently;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replication sync against a replication server on the loopback: creates, modifies, tag
 * removals, deletes, ways whose nodes move, gaps, server errors, malformed files, a round that
 * stops between two files, and two instances syncing at once.
 */
@QuarkusTest
class ReplicationSyncTest extends WithReplicationFolder {

    private static final Instant T0 = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    SyncService sync;
    @Inject
    org.vigie.importer.ImportService imports;
    @Inject
    SyncCommand command;

    private static Instant at(long sequence) {
        return T0.plus(sequence, ChronoUnit.MINUTES);
    }

    private SyncReport round(Long from) {
        return sync.round(server.url(), from);
    }

    private long idOf(String sourceId) {
        return sql.count("SELECT id FROM camera WHERE source = 'osm' AND source_id = ?", sourceId);
    }

    private String field(String column, String sourceId) {
        return sql.text("SELECT " + column + "::text FROM camera WHERE source = 'osm' AND source_id = ?", sourceId);
    }

    @Test
    void createsModifiesAndTakesDownAsOpenStreetMapDoes() throws IOException {
        server.publish(7, at(7), Diff.change()
                .camera("create", 1, 1, 2.3501, 48.8501, "camera:direction", "90", "operator", "RATP")
                .camera("create", 2, 1, 2.3502, 48.8502)
                .camera("create", 3, 1, 2.3503, 48.8503)
                .node("create", 4, 1, 2.3504, 48.8504, "amenity", "bench").xml());
        SyncReport first = round(7L);
        assertNull(first.stoppedBecause());
        assertEquals(List.of(7L), first.applied().stream().map(SyncReport.AppliedDiff::sequence).toList());
        assertEquals(3, first.applied().get(0).changes().created());
        assertEquals(3, sql.count("SELECT count(*) FROM camera WHERE source = 'osm'"));
        assertEquals("{90}", field("directions", "node/1"));

        server.publish(8, at(8), Diff.change()
                .camera("modify", 1, 2, 2.3511, 48.8511, "camera:direction", "180", "operator", "RATP")
                .node("modify", 2, 2, 2.3502, 48.8502, "amenity", "bench")
                .delete("node", 3, 2).xml());
        SyncReport second = round(null);
        assertEquals(List.of(8L), second.applied().stream().map(SyncReport.AppliedDiff::sequence).toList());
        assertEquals(1, second.applied().get(0).changes().updated());
        assertEquals(2, second.applied().get(0).changes().removed());

        long moved = idOf("node/1");
        given().get("/api/cameras/{id}", moved).then().statusCode(200)
                .body("geometry.coordinates", contains(2.3511f, 48.8511f))
                .body("properties.directions", contains(180))
                .body("properties.version", equalTo(2));
        assertEquals("2", field("source_version", "node/1"));
        // Taken down, not deleted: the row stays with its history, whose last version says why.
        given().get("/api/cameras/{id}/history", idOf("node/2")).then().statusCode(200)
                .body("[-1].feature.properties.status", equalTo("removed"))
                .body("[-1].reason", containsString("man_made=surveillance removed from node/2"))
                .body("[0].reason", nullValue());
        given().get("/api/cameras/{id}/history", idOf("node/3")).then().statusCode(200)
                .body("[-1].feature.properties.status", equalTo("removed"))
                .body("[-1].reason", containsString("node/3 deleted (version 2, replication sequence 8)"));

        // The surveillance tag back: the camera is back in service.
        server.publish(9, at(9), Diff.change().camera("modify", 2, 3, 2.3502, 48.8502).xml());
        round(null);
        assertEquals("reported", field("status", "node/2"));
        given().get("/api/status").then().statusCode(200)
                .body("osm.sequence", equalTo(9))
                .body("osm.timestamp", equalTo(at(9).toString()))
                .body("osm.lastError", nullValue());
        long lag = sql.count("SELECT extract(epoch FROM now() - data_timestamp)::bigint FROM osm_replication");
        assertTrue(lag >= 60, "the data is a minute behind or more: " + lag);
    }

    /** Issue 17: a diff's element is first seen on the day it was saved, and a later version never makes it younger. */
    @Test
    void aCameraIsFirstSeenWhenItsElementWasSavedAndALaterModifyKeepsTheEarliestDay() throws IOException {
        server.publish(7, at(7), Diff.change().savedAt("2016-05-01T08:00:00Z")
                .camera("create", 11, 1, 2.3601, 48.8601)
                .camera("create", 12, 1, 2.3602, 48.8602, "survey:date", "2014-09").xml());
        round(7L);
        assertEquals("2016-05-01", field("first_seen", "node/11"));
        assertEquals("2014-09-01", field("first_seen", "node/12"), "the earlier of the tag's day and the timestamp's");

        server.publish(8, at(8), Diff.change().savedAt("2021-03-02T10:00:00Z")
                .camera("modify", 11, 2, 2.3611, 48.8611, "operator", "RATP").xml());
        SyncReport later = round(null);
        assertEquals(1, later.applied().get(0).changes().updated());
        assertEquals("2", field("source_version", "node/11"));
        assertEquals("2016-05-01", field("first_seen", "node/11"), "a later version never makes the camera younger");
        given().get("/api/cameras/{id}", idOf("node/11")).then().body("properties.firstSeen", equalTo("2016-05-01"))
                .body("properties.operator", equalTo("RATP"));
    }

    @Test
    void anOlderVersionChangesNothingAndAVolunteersEditIsKeptAsAConflict() throws IOException {
        server.publish(1, at(1), Diff.change().camera("create", 11, 3, 2.3601, 48.8601, "operator", "Mairie").xml());
        round(1L);
        long id = idOf("node/11");
        int edited = Api.update(id, 1, 2.3601, 48.8601, Map.of("operator", "Mairie de Paris", "kind", "camera"));

        server.publish(2, at(2), Diff.change().camera("modify", 11, 2, 2.3601, 48.8601, "operator", "Older").xml());
        SyncReport older = round(null);
        assertEquals(Map.of("older_than_stored", 1L), older.applied().get(0).changes().skipped());

        server.publish(3, at(3), Diff.change().camera("modify", 11, 4, 2.3601, 48.8601, "operator", "Ville").xml());
        SyncReport newer = round(null);
        assertEquals(1, newer.applied().get(0).changes().conflicts());
        assertEquals(List.of("node/11"), newer.applied().get(0).changes().conflictSourceIds());
        given().get("/api/cameras/{id}", id).then().statusCode(200)
                .body("properties.operator", equalTo("Mairie de Paris"))
                .body("properties.version", equalTo(edited));
        // The sequence moves on all the same: the conflict is reported, not retried.
        assertEquals(3, sync.status().sequence());
    }

    @Test
    void aSurveillanceWayMovesWhenItsNodesMove() throws IOException {
        long[] ring = {101, 102, 103, 104, 101};
        server.publish(1, at(1), Diff.change()
                .node("create", 101, 1, 2.3700, 48.8700)
                .node("create", 102, 1, 2.3702, 48.8700)
                .node("create", 103, 1, 2.3702, 48.8702)
                .node("create", 104, 1, 2.3700, 48.8702)
                .node("create", 105, 1, 2.3800, 48.8800) // an untagged node of no surveillance way
                .way("create", 201, 1, ring, "man_made", "surveillance", "building", "yes").xml());
        round(1L);
        given().get("/api/cameras/{id}", idOf("way/201")).then().statusCode(200)
                .body("geometry.coordinates", contains(2.3701f, 48.8701f));
        assertEquals(4, sql.count("SELECT count(*) FROM osm_node_position"), "only the way's nodes are kept");

        // Two corners move east: the way itself is not in the diff.
        server.publish(2, at(2), Diff.change()
                .node("modify", 102, 2, 2.3704, 48.8700)
                .node("modify", 103, 2, 2.3704, 48.8702)
                .node("modify", 105, 2, 2.3900, 48.8900).xml());
        SyncReport moved = round(null);
        assertEquals(1, moved.applied().get(0).changes().updated());
        given().get("/api/cameras/{id}", idOf("way/201")).then().statusCode(200)
                .body("geometry.coordinates", contains(2.3702f, 48.8701f))
                .body("properties.version", equalTo(2));
        assertEquals("1", field("source_version", "way/201"));

        // The way loses its tag: taken down, and its nodes forgotten.
        server.publish(3, at(3), Diff.change().way("modify", 201, 2, ring, "building", "yes").xml());
        round(null);
        assertEquals("removed", field("status", "way/201"));
        assertEquals(0, sql.count("SELECT count(*) FROM osm_node_position"));
        assertEquals(0, sql.count("SELECT count(*) FROM osm_way_node"));
    }

    @Test
    void aWayImportedFromAnExtractMovesWhenADiffMovesItsNode() throws IOException {
        java.nio.file.Path extract = dir.resolve("extract.osm");
        java.nio.file.Files.writeString(extract, "<?xml version=\"1.0\"?>\n<osm version=\"0.6\">\n"
                + "<node id=\"301\" version=\"1\" lat=\"48.95\" lon=\"2.45\"/>\n"
                + "<node id=\"302\" version=\"1\" lat=\"48.95\" lon=\"2.4502\"/>\n"
                + "<node id=\"303\" version=\"1\" lat=\"48.9502\" lon=\"2.4502\"/>\n"
                + "<node id=\"304\" version=\"1\" lat=\"48.9502\" lon=\"2.45\"/>\n"
                + "<node id=\"305\" version=\"1\" lat=\"48.96\" lon=\"2.46\"/>\n"
                + "<way id=\"401\" version=\"1\"><nd ref=\"301\"/><nd ref=\"302\"/><nd ref=\"303\"/><nd ref=\"304\"/>"
                + "<nd ref=\"301\"/><tag k=\"man_made\" v=\"surveillance\"/></way>\n"
                + "<way id=\"402\" version=\"1\"><nd ref=\"305\"/><nd ref=\"301\"/><tag k=\"highway\" v=\"path\"/></way>\n"
                + "</osm>\n");
        imports.importFile(extract, org.vigie.importer.ImportOptions.defaults(), c -> { });
        assertEquals(4, sql.count("SELECT count(*) FROM osm_node_position"), "the surveillance way's nodes only");
        given().get("/api/cameras/{id}", idOf("way/401")).then().statusCode(200)
                .body("geometry.coordinates", contains(2.4501f, 48.9501f));

        server.publish(1, at(1), Diff.change()
                .node("modify", 301, 2, 2.4498, 48.95)
                .node("modify", 304, 2, 2.4498, 48.9502).xml());
        assertEquals(1, round(1L).applied().get(0).changes().updated());
        given().get("/api/cameras/{id}", idOf("way/401")).then().statusCode(200)
                .body("geometry.coordinates", contains(2.45f, 48.9501f));
    }

    @Test
    void theSyncCommandSaysWhenTheRoundStoppedShort() throws IOException {
        server.publish(1, at(1), Diff.change().camera("create", 81, 1, 2.4401, 48.9401).xml());
        server.announce(2, at(2));
        assertEquals(1, command.run(List.of("--once", "--url", server.url(), "--from-sequence", "1")), "a gap at 2");
        assertEquals(1, sync.status().sequence());
        server.publish(2, at(2), Diff.change().camera("modify", 81, 2, 2.4401, 48.9401, "operator", "Ville").xml());
        assertEquals(0, command.run(List.of("--once", "--url", server.url(), "--json")));
        assertEquals("Ville", field("operator", "node/81"));
        org.junit.jupiter.api.Assertions.assertThrows(org.vigie.cli.UsageException.class,
                () -> command.run(List.of("--once", "--from-sequence", "minus one", "--url", server.url())));
        org.junit.jupiter.api.Assertions.assertThrows(org.vigie.cli.UsageException.class,
                () -> command.run(List.of("--once", "--fast")));
    }

    /**
     * Without --once the command follows the replication until stopped: each new file applied in
     * turn, a round that stops short (a server error) tried again at the next, and an interrupt
     * (the process told to stop) ends it with exit code 0.
     */
    @Test
    void theSyncCommandFollowsTheReplicationUntilStopped() throws Exception {
        server.publish(1, at(1), Diff.change().camera("create", 51, 1, 2.4501, 48.9501).xml());
        java.util.concurrent.atomic.AtomicInteger exit = new java.util.concurrent.atomic.AtomicInteger(-1);
        Thread following = new Thread(() -> exit.set(command.run(List.of("--url", server.url(), "--from-sequence", "1",
                "--every", "1s"))), "sync-loop");
        following.start();
        try {
            waitFor(() -> sql.count("SELECT count(*) FROM camera WHERE source_id = 'node/51'") == 1);
            server.publish(2, at(2), Diff.change().camera("modify", 51, 2, 2.4501, 48.9501, "operator", "Ville").xml());
            waitFor(() -> "Ville".equals(field("operator", "node/51")));
            server.publish(3, at(3), Diff.change().camera("modify", 51, 3, 2.4501, 48.9501, "operator", "Métropole").xml());
            server.fail(3, 503);
            waitFor(() -> server.requestsFor(3) >= 2);
            assertEquals(2, sync.status().sequence(), "a failing file is tried again, not skipped");
            assertTrue(following.isAlive(), "a round that stopped short does not end the command");
            server.fail(3, 0);
            waitFor(() -> "Métropole".equals(field("operator", "node/51")));
            assertEquals(3, sync.status().sequence());
        } finally {
            following.interrupt();
            following.join(30_000);
        }
        assertTrue(!following.isAlive(), "stopped when told to");
        assertEquals(0, exit.get());
        assertEquals(1, server.requestsFor(1), "no file is fetched twice once applied");
        assertEquals(1, server.requestsFor(2));
        org.junit.jupiter.api.Assertions.assertThrows(org.vigie.cli.UsageException.class,
                () -> command.run(List.of("--every", "0s", "--url", server.url())));
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "the sync command did not get there within a minute");
            Thread.sleep(100);
        }
    }

    @Test
    void aGapStopsTheRoundWhichResumesOnceTheFileIsThere() throws IOException {
        server.publish(1, at(1), Diff.change().camera("create", 21, 1, 2.3801, 48.8801).xml());
        server.publish(2, at(2), Diff.change().camera("create", 22, 1, 2.3802, 48.8802).xml());
        server.publish(3, at(3), Diff.change().camera("create", 23, 1, 2.3803, 48.8803).xml());
        server.remove(2);
        SyncReport stopped = round(1L);
        assertEquals(List.of(1L), stopped.applied().stream().map(SyncReport.AppliedDiff::sequence).toList());
        assertTrue(stopped.stoppedBecause().contains("gap") && stopped.stoppedBecause().contains("000/000/002.osc.gz"),
                stopped.stoppedBecause());
        assertEquals(1, sync.status().sequence());
        given().get("/api/status").then().statusCode(200)
                .body("osm.sequence", equalTo(1))
                .body("osm.lastError", containsString("000/000/002.osc.gz"));
        assertEquals(0, sql.count("SELECT count(*) FROM camera WHERE source_id = 'node/23'"), "nothing after the gap is applied");

        server.publish(2, at(2), Diff.change().camera("create", 22, 1, 2.3802, 48.8802).xml());
        server.announce(3, at(3));
        SyncReport resumed = round(null);
        assertEquals(List.of(2L, 3L), resumed.applied().stream().map(SyncReport.AppliedDiff::sequence).toList());
        assertEquals(3, sql.count("SELECT count(*) FROM camera WHERE source = 'osm'"));
        given().get("/api/status").then().body("osm.lastError", nullValue());
    }

    @Test
    void aServerErrorStopsTheRoundBetweenTwoFilesAndTheNextRoundResumesThere() throws IOException {
        server.publish(1, at(1), Diff.change().camera("create", 31, 1, 2.3901, 48.8901).xml());
        server.publish(2, at(2), Diff.change().camera("modify", 31, 2, 2.3901, 48.8901, "operator", "SNCF").xml());
        server.publish(3, at(3), Diff.change().camera("modify", 31, 3, 2.3901, 48.8901, "operator", "RATP").xml());
        server.fail(3, 503);
        SyncReport stopped = round(1L);
        assertEquals(List.of(1L, 2L), stopped.applied().stream().map(SyncReport.AppliedDiff::sequence).toList());
        assertTrue(stopped.stoppedBecause().contains("answered 503"), stopped.stoppedBecause());
        assertEquals("SNCF", field("operator", "node/31"));

        server.fail(3, 0);
        SyncReport resumed = round(null);
        assertEquals(List.of(3L), resumed.applied().stream().map(SyncReport.AppliedDiff::sequence).toList());
        assertEquals(1, server.requestsFor(1), "no file is fetched again once applied");
        assertEquals(1, server.requestsFor(2));
        assertEquals("RATP", field("operator", "node/31"));
        assertEquals(3, sql.count("SELECT version FROM camera WHERE source_id = 'node/31'"));
    }

    @Test
    void aMalformedFileIsRefusedWhole() throws IOException {
        server.publish(1, at(1), Diff.change()
                .camera("create", 41, 1, 2.4001, 48.9001)
                .raw("<create><node id=\"42\" version=\"1\" lat=\"95\" lon=\"2.4\"><tag k=\"man_made\" v=\"surveillance\"/></node></create>")
                .xml());
        SyncReport refused = round(1L);
        assertTrue(refused.applied().isEmpty());
        assertTrue(refused.stoppedBecause().contains("000/000/001.osc.gz") && refused.stoppedBecause().contains("nothing of it was applied"),
                refused.stoppedBecause());
        assertEquals(0, sql.count("SELECT count(*) FROM camera WHERE source = 'osm'"));
        assertNull(sync.status().sequence());

        server.put(1, "<osmChange version=\"0.6\"><create><node id=\"41\" version=\"1\" lat=\"48\" lon=\"2\">"
                .getBytes(StandardCharsets.UTF_8), true);
        assertTrue(round(1L).stoppedBecause().contains("malformed XML"));
        server.put(1, "not even gzip".getBytes(StandardCharsets.UTF_8), false);
        assertTrue(round(1L).failed());
        assertEquals(0, sql.count("SELECT count(*) FROM camera WHERE source = 'osm'"));
    }

    @Test
    void theStartingPointIsAskedForAndNeverSkipsOrRepeatsAFile() throws IOException {
        server.publish(5, at(5), Diff.change().camera("create", 51, 1, 2.4101, 48.9101).xml());
        assertTrue(round(null).stoppedBecause().contains("--from-sequence"));
        assertEquals(List.of(5L), round(5L).applied().stream().map(SyncReport.AppliedDiff::sequence).toList());
        assertTrue(round(3L).stoppedBecause().contains("the next one is 6"));
        assertTrue(round(6L).applied().isEmpty(), "6 is the very next: nothing published yet");
        assertEquals(1, server.requestsFor(5));
    }

    @Test
    void aDiffNamingASousSurveillanceCameraMakesThemOneCamera() throws IOException {
        java.nio.file.Path legacy = dir.resolve("legacy.geojson");
        java.nio.file.Files.writeString(legacy, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[2.4301,48.9301]},\"properties\":{\"id_camera\":\"3100\"}}]}");
        imports.importFile(legacy, org.vigie.importer.ImportOptions.defaults(), c -> { });
        server.publish(1, at(1), Diff.change().camera("create", 71, 1, 2.43011, 48.93011, "ref:sous-surveillance_net", "3100").xml());
        round(1L);
        assertEquals(idOf("node/71"), sql.count("SELECT merged_into FROM camera WHERE source = 'sous-surveillance' "
                + "AND source_id = '3100' AND NOT visible"));
    }

    @Test
    void twoInstancesSyncingAtOnceApplyEachFileOnce() throws Exception {
        int files = 6;
        server.publish(1, at(1), Diff.change().camera("create", 61, 1, 2.4201, 48.9201).xml());
        for (int s = 2; s <= files; s++) {
            server.publish(s, at(s), Diff.change().camera("modify", 61, s, 2.4201, 48.9201, "operator", "v" + s).xml());
        }
        List<SyncReport> reports = Concurrently.run(2, i -> () -> round(1L));
        List<Long> applied = new ArrayList<>();
        reports.forEach(r -> {
            assertNull(r.stoppedBecause());
            r.applied().forEach(d -> applied.add(d.sequence()));
        });
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), applied.stream().sorted().toList());
        assertEquals(files, sql.count("SELECT version FROM camera WHERE source_id = 'node/61'"));
        assertEquals(files, sql.count("SELECT count(*) FROM camera_version WHERE camera_id = ?", idOf("node/61")));
        assertEquals("v" + files, field("operator", "node/61"));
    }
}
