package org.vigie.osm.upload;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.account.Role;
import org.vigie.importer.ImportOptions;
import org.vigie.importer.ImportService;
import org.vigie.support.Accounts;
import org.vigie.support.Accounts.TestAccount;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A camera a moderator settled as removed (its "gone" reports resolved as removed, or a removal of
 * the moderator's own) is deleted from OpenStreetMap, under the consent rules of volunteers'
 * deletions: the moderator and every volunteer who reported it gone agreed to publish; a node that
 * is also something else only loses its surveillance tags. Same profile as OsmUploadTest (the fake
 * OpenStreetMap API on the loopback), so that the app is not started twice.
 */
@QuarkusTest
@TestProfile(OsmUploadTest.WithOsmApi.class)
class SettledRemovalsTest extends WithFakeOsmApi {

    private static final double LON = 4.8451;
    private static final double LAT = 45.7541;

    @Inject
    ImportService imports;
    @TempDir
    Path dir;

    private static TestAccount consenting(Role role) {
        TestAccount a = Accounts.established(role);
        a.request().body(Map.of("osmConsent", true)).put("/api/auth/me").then().statusCode(200).body("osmConsent", equalTo(true));
        return a;
    }

    private long importNode(long id, int version, double lon, String extraTags) throws IOException {
        Path extract = dir.resolve("node-" + id + ".osm");
        Files.writeString(extract, "<?xml version=\"1.0\"?>\n<osm version=\"0.6\">\n<node id=\"" + id + "\" version=\"" + version
                + "\" lat=\"" + LAT + "\" lon=\"" + lon + "\"><tag k=\"man_made\" v=\"surveillance\"/>"
                + "<tag k=\"surveillance:type\" v=\"camera\"/>" + extraTags + "</node>\n</osm>\n");
        imports.importFile(extract, ImportOptions.defaults(), c -> { });
        return sql.count("SELECT id FROM camera WHERE source = 'osm' AND source_id = ?", "node/" + id);
    }

    private static void reportGone(TestAccount who, long camera) {
        who.request().body(Map.of("reason", "gone")).post("/api/cameras/{id}/reports", camera).then().statusCode(201);
    }

    private static void settle(TestAccount moderator, long camera, String status) {
        moderator.request().body(Map.of("status", status)).post("/api/moderation/cameras/{id}/resolution", camera)
                .then().statusCode(200);
    }

    private static List<Map<String, Object>> ready() {
        return Accounts.moderator().authorized().queryParam("format", "json").get("/api/osm/changes")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static Map<String, Object> editOf(List<Map<String, Object>> ready, long camera) {
        return ready.stream().filter(e -> ((Number) e.get("cameraId")).longValue() == camera).findFirst().orElseThrow();
    }

    @Test
    void camerasAModeratorSettledAsRemovedAreDeletedFromOpenStreetMapButALampPostStays() throws Exception {
        long reportedGone = importNode(7101, 5, LON, "");
        long lamp = importNode(7102, 2, LON + 0.001, "<tag k=\"highway\" v=\"street_lamp\"/><tag k=\"camera:type\" v=\"fixed\"/>");
        long byRefusingModerator = importNode(7103, 1, LON + 0.002, "");
        long reportedByRefuser = importNode(7104, 1, LON + 0.003, "");
        long settledBack = importNode(7105, 1, LON + 0.004, "");
        long stillDisputed = importNode(7106, 1, LON + 0.005, "");
        TestAccount moderator = consenting(Role.MODERATOR);

        // One "gone" report disputes a camera (two remove it): the moderator settles it as removed.
        reportGone(consenting(Role.VOLUNTEER), reportedGone);
        assertEquals("disputed", sql.text("SELECT status FROM camera WHERE id = ?", reportedGone));
        settle(moderator, reportedGone, "removed");
        // A moderator's removal of their own, with no report: the lamp post carrying the camera stays.
        settle(moderator, lamp, "removed");
        // Settled by a moderator who did not agree to publish, or on the word of a volunteer who did not.
        settle(Accounts.established(Role.MODERATOR), byRefusingModerator, "removed");
        reportGone(Accounts.established(Role.VOLUNTEER), reportedByRefuser);
        settle(moderator, reportedByRefuser, "removed");
        // Settled as removed, then settled again as there after all.
        settle(moderator, settledBack, "removed");
        settle(moderator, settledBack, "verified");
        // Reported gone by a consenting volunteer, not settled: a dispute is no removal.
        reportGone(consenting(Role.VOLUNTEER), stillDisputed);

        List<Map<String, Object>> ready = ready();
        assertEquals(List.of(reportedGone, lamp), ready.stream().map(e -> ((Number) e.get("cameraId")).longValue()).sorted().toList(),
                "only the removals settled by consenting moderators on consenting volunteers' word: " + ready);
        Map<String, Object> deletion = editOf(ready, reportedGone);
        assertEquals("delete", deletion.get("action"));
        assertEquals(7101, ((Number) deletion.get("osmId")).intValue());
        assertEquals(5, ((Number) deletion.get("osmVersion")).intValue());
        Map<String, Object> stripped = editOf(ready, lamp);
        assertEquals("modify", stripped.get("action"));
        assertEquals(Map.of("highway", "street_lamp"), stripped.get("tags"));

        String osc = moderator.authorized().get("/api/osm/changes").then().statusCode(200).extract().asString();
        assertTrue(osc.contains("<delete>") && osc.contains("<node id=\"7101\" version=\"5\""), osc);
        assertEquals(2L, osmiumNodes(osc, "settled.osc"));
        String josm = moderator.authorized().queryParam("format", "josm").get("/api/osm/changes").then().statusCode(200)
                .extract().asString();
        assertTrue(josm.contains("id=\"7101\" action=\"delete\""), josm);
        assertEquals(2L, osmiumNodes(josm, "settled.osm"));

        moderator.request().body(Map.of("comment", "Caméras déposées, vérifiées par la modération")).post("/api/osm/uploads")
                .then().statusCode(201).body("sent", hasSize(2)).body("held", hasSize(0));
        String upload = api.calls.stream().filter(c -> c.path().endsWith("/upload")).findFirst().orElseThrow().body();
        String deletions = upload.substring(upload.indexOf("<delete>"), upload.indexOf("</delete>"));
        assertTrue(deletions.startsWith("<delete><node id=\"7101\" version=\"5\" changeset=\"4242\"") && !deletions.contains("<tag"),
                "a deletion names the node and its version, no tags: " + upload);
        String modified = upload.substring(upload.indexOf("<modify>"), upload.indexOf("</modify>"));
        assertTrue(modified.startsWith("<modify><node id=\"7102\" version=\"2\"") && modified.contains("k=\"highway\"")
                && !modified.contains("surveillance") && !modified.contains("camera:"), "the lamp post keeps only its lamp: " + upload);
        assertTrue(ready().isEmpty(), "a node deleted is not deleted twice, and the lamp post is as it should be");
    }

    /** osmium fileinfo reads the file whole (-e) and counts its nodes: a file it refuses fails the test. */
    private long osmiumNodes(String content, String name) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Process p = new ProcessBuilder("/usr/bin/osmium", "fileinfo", "-e", "-g", "data.count.nodes", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "osmium fileinfo refused " + name + ": " + out);
        return Long.parseLong(out);
    }
}
