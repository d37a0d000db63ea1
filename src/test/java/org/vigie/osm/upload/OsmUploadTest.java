package org.vigie.osm.upload;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.account.Role;
import org.vigie.importer.ImportOptions;
import org.vigie.importer.ImportService;
import org.vigie.osm.sync.Diff;
import org.vigie.osm.sync.ReplicationFolder;
import org.vigie.osm.sync.SyncService;
import org.vigie.support.Accounts;
import org.vigie.support.Accounts.TestAccount;
import org.vigie.support.Altcha;
import org.vigie.support.Api;
import org.vigie.support.Secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Volunteers' consent, the osmChange and JOSM files of what is ready, and uploads to a fake
 * OpenStreetMap API on the loopback: changeset opened, uploaded, closed, cameras linked to their
 * nodes (the next sync updates the same camera); a 409 holds its camera for review.
 */
@QuarkusTest
@TestProfile(OsmUploadTest.WithOsmApi.class)
class OsmUploadTest extends WithFakeOsmApi {

    public static class WithOsmApi implements QuarkusTestProfile {
        /** This profile restarts the app on a cleaned database: what the classes before it stored is dumped first, for the privacy audit. */
        public WithOsmApi() {
            Secrets.dumpBeforeWiping(getClass().getSimpleName());
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigie.osm.api-url", FakeOsmApi.url(), "vigie.osm.api-token", "test-osm-token");
        }
    }

    private static final double LON = 4.8351;
    private static final double LAT = 45.7641;

    @Inject
    ImportService imports;
    @Inject
    SyncService sync;
    @TempDir
    Path dir;

    private static TestAccount consenting() {
        return consenting(Role.VOLUNTEER);
    }

    private static TestAccount consenting(Role role) {
        TestAccount a = Accounts.established(role);
        a.request().body(Map.of("osmConsent", true)).put("/api/auth/me").then().statusCode(200).body("osmConsent", equalTo(true));
        return a;
    }

    private static long create(TestAccount who, double lon, Map<String, ?> properties) {
        return who.request().queryParam("confirmDuplicate", "true").body(Api.feature(lon, LAT, properties))
                .post("/api/cameras").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static final Map<String, Object> DOME = Map.of("kind", "camera", "cameraType", "dome", "directions", List.of(90, 270),
            "operator", "Ville de Lyon", "operatorType", "public", "signage", "absent", "filmedArea", "public",
            "mount", "wall", "height", 4);

    private static List<Map<String, Object>> ready() {
        return Accounts.moderator().authorized().queryParam("format", "json").get("/api/osm/changes")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void consentIsFalseUnlessChosenAtRegistrationOrInTheAccount() {
        String name = "osm-" + Long.toString(System.nanoTime(), 36);
        given().contentType(ContentType.JSON).body(Map.of("username", name, "password", Accounts.PASSWORD, "altcha", Altcha.solution(), "osmConsent", true))
                .post("/api/auth/register").then().statusCode(201);
        assertEquals(1, sql.count("SELECT count(*) FROM account WHERE username = ? AND osm_consent", name));
        TestAccount plain = Accounts.established(Role.VOLUNTEER);
        plain.authorized().get("/api/auth/me").then().statusCode(200).body("osmConsent", equalTo(false));
        plain.request().body(Map.of("osmConsent", true)).put("/api/auth/me").then().statusCode(200).body("osmConsent", equalTo(true));
        plain.request().body(Map.of("osmConsent", false)).put("/api/auth/me").then().statusCode(200).body("osmConsent", equalTo(false));
        plain.request().body(Map.of()).put("/api/auth/me").then().statusCode(400)
                .contentType(Api.PROBLEM).body("errors[0].field", equalTo("osmConsent"));
        given().contentType(ContentType.JSON).body(Map.of("osmConsent", true)).put("/api/auth/me").then().statusCode(401);
    }

    @Test
    void onlyConsentingVolunteersCamerasAreReadyWithTheirFieldsAsTags() throws Exception {
        TestAccount agrees = consenting();
        TestAccount refuses = Accounts.established(Role.VOLUNTEER);
        long sent = create(agrees, LON, DOME);
        long kept = create(refuses, LON + 0.001, DOME);
        List<Map<String, Object>> ready = ready();
        assertEquals(1, ready.size());
        assertEquals(sent, ((Number) ready.get(0).get("cameraId")).longValue());
        assertEquals(Map.of("man_made", "surveillance", "surveillance:type", "camera", "camera:type", "dome",
                "camera:direction", "90;270", "camera:mount", "wall", "height", "4", "surveillance", "public",
                "operator", "Ville de Lyon", "operator:type", "public"), ready.get(0).get("tags"));
        assertTrue(kept > 0);
        // A volunteer who did not agree edits the consenting one's camera: it no longer leaves Vigie.
        given().get("/api/cameras/{id}", sent).then().statusCode(200);

        String osc = Accounts.moderator().authorized().get("/api/osm/changes").then().statusCode(200)
                .header("Content-Disposition", containsString("vigie-changes.osc")).extract().asString();
        assertTrue(osc.contains("<create>") && osc.contains("k=\"camera:direction\" v=\"90;270\""), osc);
        assertTrue(!osc.contains("signage") && !osc.contains("absent"), "Vigie-only fields are not sent: " + osc);
        assertEquals(1L, osmiumNodes(osc, "changes.osc"));
        String josm = Accounts.moderator().authorized().queryParam("format", "josm").get("/api/osm/changes")
                .then().statusCode(200).extract().asString();
        assertTrue(josm.contains("action=\"modify\"") && josm.contains("id=\"-1\""), josm);
        assertEquals(1L, osmiumNodes(josm, "changes.osm"));

        Accounts.volunteer().authorized().get("/api/osm/changes").then().statusCode(403);
        Accounts.moderator().authorized().queryParam("format", "pbf").get("/api/osm/changes").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        Accounts.moderator().authorized().queryParam("since", "2026").get("/api/osm/changes").then().statusCode(400);
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

    @Test
    void anEditedOpenStreetMapNodeKeepsTheTagsVigieDoesNotModel() throws IOException {
        Path extract = dir.resolve("lyon.osm");
        Files.writeString(extract, "<?xml version=\"1.0\"?>\n<osm version=\"0.6\">\n"
                + "<node id=\"555\" version=\"3\" lat=\"" + LAT + "\" lon=\"" + (LON + 0.002) + "\">\n"
                + " <tag k=\"man_made\" v=\"surveillance\"/><tag k=\"surveillance:type\" v=\"camera\"/>\n"
                + " <tag k=\"direction\" v=\"NE\"/><tag k=\"survey:date\" v=\"2024-05-01\"/><tag k=\"camera:type\" v=\"fixed\"/>\n"
                + "</node>\n</osm>\n");
        imports.importFile(extract, ImportOptions.defaults(), c -> { });
        long id = sql.count("SELECT id FROM camera WHERE source = 'osm' AND source_id = 'node/555'");
        TestAccount agrees = consenting();
        agrees.request().header("If-Match", "\"1\"").body(Api.feature(LON + 0.002, LAT, Map.of("kind", "camera",
                "cameraType", "fixed", "directions", List.of(45, 120), "signage", "present"))).put("/api/cameras/" + id)
                .then().statusCode(200);
        List<Map<String, Object>> ready = ready();
        assertEquals(1, ready.size());
        assertEquals("modify", ready.get(0).get("action"));
        assertEquals(555, ((Number) ready.get(0).get("osmId")).intValue());
        assertEquals(3, ((Number) ready.get(0).get("osmVersion")).intValue());
        assertEquals(Map.of("man_made", "surveillance", "surveillance:type", "camera", "camera:direction", "45;120",
                "survey:date", "2024-05-01", "camera:type", "fixed"), ready.get(0).get("tags"));
    }

    @Test
    void anUploadOpensUploadsAndClosesAChangesetAndLinksEachCamera() throws IOException {
        TestAccount agrees = consenting();
        long first = create(agrees, LON + 0.003, DOME);
        long second = create(agrees, LON + 0.004, Map.of("kind", "alpr"));
        Accounts.moderator().request().body(Map.of("comment", "Caméras relevées à Lyon")).post("/api/osm/uploads")
                .then().statusCode(201)
                .body("changeset", equalTo((int) FakeOsmApi.CHANGESET))
                .body("sent", hasSize(2)).body("held", hasSize(0));
        String node = sql.text("SELECT source_id FROM camera WHERE id = ?", first);
        long nodeId = Long.parseLong(node.substring(5));
        assertTrue(nodeId >= 9_000_001, node);
        assertEquals(List.of("PUT /changeset/create", "POST /changeset/4242/upload", "PUT /changeset/4242/close"),
                api.calls.stream().map(c -> c.method() + " " + c.path()).toList());
        api.calls.forEach(c -> assertEquals("Bearer test-osm-token", c.authorization()));
        assertTrue(api.calls.get(0).body().contains("v=\"Caméras relevées à Lyon\"") && api.calls.get(0).body().contains("v=\"Vigie\""));
        assertTrue(api.calls.get(1).body().contains("changeset=\"4242\""));
        assertEquals("osm", sql.text("SELECT source FROM camera WHERE id = ?", first));
        assertEquals(1, sql.count("SELECT source_version FROM camera WHERE id = ?", second));
        assertTrue(ready().isEmpty(), "sent cameras are no longer ready");
        Accounts.moderator().authorized().get("/api/osm/uploads").then().statusCode(200)
                .body("[0].comment", equalTo("Caméras relevées à Lyon"))
                .body("[0].sent", hasSize(2));

        // The next sync sees OpenStreetMap's next version of that node as the same camera.
        try (ReplicationFolder replication = new ReplicationFolder(dir.resolve("replication"))) {
            Files.createDirectories(dir.resolve("replication"));
            replication.publish(1, Instant.now(), Diff.change().camera("modify", nodeId, 2, LON + 0.003, LAT,
                    "camera:type", "dome", "operator", "Métropole de Lyon").xml());
            sql.update("UPDATE osm_replication SET sequence_number = NULL");
            assertEquals(1, sync.round(replication.url(), 1L).applied().get(0).changes().updated());
        }
        given().get("/api/cameras/{id}", first).then().statusCode(200)
                .body("properties.operator", equalTo("Métropole de Lyon"));
        assertEquals(0, sql.count("SELECT count(*) FROM camera WHERE source_id = ? AND id <> ?", node, first));
    }

    @Test
    void aConflictHoldsThatCameraForReviewAndTheRestIsSent() throws IOException {
        Path extract = dir.resolve("conflict.osm");
        Files.writeString(extract, "<?xml version=\"1.0\"?>\n<osm version=\"0.6\">\n<node id=\"777\" version=\"2\" lat=\""
                + LAT + "\" lon=\"" + (LON + 0.005) + "\"><tag k=\"man_made\" v=\"surveillance\"/></node>\n</osm>\n");
        imports.importFile(extract, ImportOptions.defaults(), c -> { });
        long osmCamera = sql.count("SELECT id FROM camera WHERE source = 'osm' AND source_id = 'node/777'");
        TestAccount agrees = consenting();
        agrees.request().header("If-Match", "\"1\"").body(Api.feature(LON + 0.005, LAT, Map.of("kind", "camera",
                "operator", "SNCF"))).put("/api/cameras/" + osmCamera).then().statusCode(200);
        long added = create(agrees, LON + 0.006, DOME);
        api.conflicts.add(777L);

        Accounts.moderator().request().body(Map.of("comment", "Relevés")).post("/api/osm/uploads").then().statusCode(201)
                .body("sent", hasSize(1)).body("sent[0].cameraId", equalTo((int) added))
                .body("held", hasSize(1)).body("held[0].cameraId", equalTo((int) osmCamera))
                .body("held[0].problem", containsString("Version mismatch"));
        assertEquals(2, api.calls.stream().filter(c -> c.path().endsWith("/upload")).count(), "sent again without the conflict");
        assertEquals("osm", sql.text("SELECT source FROM camera WHERE id = ?", added));
        assertEquals("2", sql.text("SELECT source_version::text FROM camera WHERE id = ?", osmCamera));
        assertTrue(ready().isEmpty(), "held for review, not sent again as it is");
        Accounts.moderator().authorized().get("/api/osm/uploads").then().statusCode(200)
                .body("[0].held[0].problem", containsString("409"));

        Accounts.moderator().request().body(Map.of("comment", "")).post("/api/osm/uploads").then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        Accounts.moderator().request().body(Map.of("comment", "Encore")).post("/api/osm/uploads").then().statusCode(409)
                .body("type", containsString("osm-nothing-to-send"));
        Accounts.moderator().request().header("Accept-Language", "fr").body(Map.of("comment", "Encore")).post("/api/osm/uploads")
                .then().statusCode(409).body("title", equalTo("Rien à envoyer"))
                .body("detail", containsString("aucune caméra n'est prête pour OpenStreetMap"));
        Accounts.volunteer().request().body(Map.of("comment", "x")).post("/api/osm/uploads").then().statusCode(403);
        given().get("/api/cameras/{id}", added).then().body("properties.source", not(nullValue()));
    }

    private long importNode(long id, int version, double lon, String extraTags) throws IOException {
        Path extract = dir.resolve("node-" + id + ".osm");
        Files.writeString(extract, "<?xml version=\"1.0\"?>\n<osm version=\"0.6\">\n<node id=\"" + id + "\" version=\"" + version
                + "\" lat=\"" + LAT + "\" lon=\"" + lon + "\"><tag k=\"man_made\" v=\"surveillance\"/>"
                + "<tag k=\"surveillance:type\" v=\"camera\"/>" + extraTags + "</node>\n</osm>\n");
        imports.importFile(extract, ImportOptions.defaults(), c -> { });
        return sql.count("SELECT id FROM camera WHERE source = 'osm' AND source_id = ?", "node/" + id);
    }

    @Test
    void camerasVolunteersDeletedOrReportedGoneAreDeletedFromOpenStreetMapButALampPostStays() throws Exception {
        long deleted = importNode(888, 4, LON + 0.007, "");
        long lamp = importNode(889, 2, LON + 0.008, "<tag k=\"highway\" v=\"street_lamp\"/><tag k=\"camera:type\" v=\"fixed\"/>");
        long reportedByRefuser = importNode(890, 1, LON + 0.009, "");
        TestAccount moderator = consenting(Role.MODERATOR);
        moderator.request().header("If-Match", "\"1\"").delete("/api/cameras/{id}", deleted).then().statusCode(204);
        for (TestAccount reporter : List.of(consenting(Role.VOLUNTEER), consenting(Role.VOLUNTEER))) {
            reporter.request().body(Map.of("reason", "gone")).post("/api/cameras/{id}/reports", lamp).then().statusCode(201);
        }
        // Removed on the word of a volunteer who did not agree to publish: it stays in OpenStreetMap.
        consenting(Role.VOLUNTEER).request().body(Map.of("reason", "gone")).post("/api/cameras/{id}/reports", reportedByRefuser)
                .then().statusCode(201);
        Accounts.established(Role.VOLUNTEER).request().body(Map.of("reason", "gone"))
                .post("/api/cameras/{id}/reports", reportedByRefuser).then().statusCode(201);
        assertEquals("removed", sql.text("SELECT status FROM camera WHERE id = ?", lamp));
        assertEquals("removed", sql.text("SELECT status FROM camera WHERE id = ?", reportedByRefuser));

        List<Map<String, Object>> ready = ready();
        assertEquals(List.of(deleted, lamp), ready.stream().map(e -> ((Number) e.get("cameraId")).longValue()).sorted().toList());
        Map<String, Object> deletion = ready.stream().filter(e -> ((Number) e.get("cameraId")).longValue() == deleted).findFirst().orElseThrow();
        assertEquals("delete", deletion.get("action"));
        assertEquals(4, ((Number) deletion.get("osmVersion")).intValue());
        Map<String, Object> stripped = ready.stream().filter(e -> ((Number) e.get("cameraId")).longValue() == lamp).findFirst().orElseThrow();
        assertEquals("modify", stripped.get("action"));
        assertEquals(Map.of("highway", "street_lamp"), stripped.get("tags"));

        String osc = moderator.authorized().get("/api/osm/changes").then().statusCode(200).extract().asString();
        assertTrue(osc.contains("<delete>") && osc.contains("<node id=\"888\" version=\"4\""), osc);
        assertEquals(2L, osmiumNodes(osc, "deletions.osc"));
        String josm = moderator.authorized().queryParam("format", "josm").get("/api/osm/changes").then().statusCode(200)
                .extract().asString();
        assertTrue(josm.contains("id=\"888\" action=\"delete\""), josm);

        moderator.request().body(Map.of("comment", "Caméras déposées")).post("/api/osm/uploads").then().statusCode(201)
                .body("sent", hasSize(2)).body("held", hasSize(0));
        String upload = api.calls.stream().filter(c -> c.path().endsWith("/upload")).findFirst().orElseThrow().body();
        String deletions = upload.substring(upload.indexOf("<delete>"), upload.indexOf("</delete>"));
        assertTrue(deletions.startsWith("<delete><node id=\"888\" version=\"4\" changeset=\"4242\"") && !deletions.contains("<tag"),
                "a deletion names the node and its version, no tags: " + upload);
        assertTrue(ready().isEmpty(), "a node deleted is not deleted twice, and the lamp is as it should be");
    }

    @Test
    void anUploadOpenStreetMapDidNotAnswerHoldsItsCamerasUntilAModeratorReleasesThem() {
        TestAccount agrees = consenting();
        long camera = create(agrees, LON + 0.010, DOME);
        api.failUploads = true;
        Accounts.moderator().request().header("Accept-Language", "fr").body(Map.of("comment", "Relevés"))
                .post("/api/osm/uploads").then().statusCode(502)
                .contentType(Api.PROBLEM).body("type", containsString("osm-api-failed"))
                .body("title", equalTo("L'API d'OpenStreetMap a échoué"))
                .body("detail", containsString("l'API d'OpenStreetMap a répondu 500 à l'envoi du groupe de modifications 4242"))
                .body("detail", containsString("caméras du groupe de modifications 4242 sont retenues pour vérification"));
        assertEquals("volunteer", sql.text("SELECT source FROM camera WHERE id = ?", camera));
        assertTrue(ready().isEmpty(), "not sent again blindly: OpenStreetMap may have kept it");
        Accounts.moderator().authorized().get("/api/osm/holds").then().statusCode(200)
                .body("cameraId", org.hamcrest.Matchers.hasItem((int) camera))
                .body("find { it.cameraId == " + camera + " }.problem", containsString("changeset 4242"));
        Accounts.volunteer().authorized().delete("/api/osm/holds/{id}", camera).then().statusCode(403);

        Accounts.moderator().authorized().delete("/api/osm/holds/{id}", camera).then().statusCode(204);
        Accounts.moderator().authorized().header("Accept-Language", "fr").delete("/api/osm/holds/{id}", camera)
                .then().statusCode(404).body("type", containsString("osm-not-held"))
                .body("detail", equalTo("la caméra " + camera + " n'est pas retenue pour vérification : rien à renvoyer"));
        assertEquals(1, ready().size());
        api.failUploads = false;
        Accounts.moderator().request().body(Map.of("comment", "Relevés, encore")).post("/api/osm/uploads").then().statusCode(201)
                .body("sent", hasSize(1));
        assertEquals("osm", sql.text("SELECT source FROM camera WHERE id = ?", camera));
        Accounts.moderator().authorized().get("/api/osm/uploads").then().statusCode(200)
                .body("[1].held[0].releasedAt", not(nullValue()));
    }

    @Test
    void anUploadCutShortBeforeItsAnswerWasRecordedIsHeldNotSentTwice() {
        TestAccount agrees = consenting();
        long cutShort = create(agrees, LON + 0.011, DOME);
        // What a crash between OpenStreetMap's answer and Vigie's record of it leaves behind.
        long upload = sql.count("INSERT INTO osm_upload (changeset_id, comment, state) VALUES (4100, 'Coupé', 'sending') RETURNING id");
        sql.update("INSERT INTO osm_upload_item (upload_id, camera_id, camera_version, action) VALUES (?, ?, 1, 'create')",
                upload, cutShort);
        assertTrue(ready().isEmpty(), "a camera being sent is not ready");
        long next = create(agrees, LON + 0.012, DOME);
        Accounts.moderator().request().body(Map.of("comment", "Suite")).post("/api/osm/uploads").then().statusCode(201)
                .body("sent", hasSize(1)).body("sent[0].cameraId", equalTo((int) next));
        Accounts.moderator().authorized().get("/api/osm/holds").then().statusCode(200)
                .body("find { it.cameraId == " + cutShort + " }.problem", containsString("changeset 4100"));
        assertEquals("done", sql.text("SELECT state FROM osm_upload WHERE id = ?", upload));
    }
}
