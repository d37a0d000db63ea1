package org.vigie.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.camera.Camera;
import org.vigie.camera.CameraHistory;
import org.vigie.camera.CameraSnapshots;
import org.vigie.camera.CameraVersion;
import org.vigie.camera.CameraWrites;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * One write path for cameras (CameraWrites): an imported camera's version 1 has its history row from
 * the import on, as CameraHistory would write it; every later writer (edits, reverts, moderation,
 * merges, re-imports, deletion) adds exactly one row per version; a write that skips the lock is
 * refused. After any sequence of operations, every version of every camera written since the test
 * began has its history row (other test classes insert SQL fixtures without history, by design).
 */
@QuarkusTest
class OneWritePathTest {

    @Inject
    ImportService imports;
    @Inject
    CameraHistory history;
    @Inject
    CameraWrites writes;
    @Inject
    ObjectMapper json;
    @Inject
    Sql sql;
    @TempDir
    Path dir;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    /** Its moderation leaves log rows on imported cameras, which other classes' clean-ups do not expect. */
    @AfterEach
    void forgetTheImportedCameras() {
        ImportFixtures.forgetImportedCameras(sql);
    }

    /** Versions of cameras without their history row, or history rows beyond a camera's version; none expected. */
    private long versionsWithoutTheirRow(String cameras) {
        return sql.count("SELECT count(*) FROM camera c CROSS JOIN generate_series(1, c.version) AS n(version) "
                + "WHERE c.id IN (" + cameras + ") AND NOT EXISTS (SELECT 1 FROM camera_version v "
                + "WHERE v.camera_id = c.id AND v.version = n.version)")
                + sql.count("SELECT count(*) FROM camera_version v JOIN camera c ON c.id = v.camera_id "
                + "WHERE c.id IN (" + cameras + ") AND v.version > c.version");
    }

    private long[] importTwo(long node, int version, String type) throws IOException {
        // the same place for every version of a node, so that its versions do not move it
        double lon = 5 + node % 100_000 / 100_000.0, lat = 45 + node / 100_000 % 100_000 / 100_000.0;
        Path file = OsmXmlFiles.extract()
                .camera(node, version, lon, lat, "camera:type", type, "operator", "Ville")
                .camera(node + 1, version, lon + 0.0001, lat, "camera:type", type)
                .write(dir, "two-" + version + ".osm");
        imports.importFile(file, ImportOptions.defaults(), c -> { });
        return new long[] {
                sql.count("SELECT id FROM camera WHERE source = 'osm' AND source_id = ?", "node/" + node),
                sql.count("SELECT id FROM camera WHERE source = 'osm' AND source_id = ?", "node/" + (node + 1))};
    }

    @Test
    void anImportedCameraHasItsVersionOneAsCameraHistoryWritesIt() throws IOException {
        long node = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        long[] ids = importTwo(node, 1, "dome");
        for (long id : ids) {
            assertEquals(expectedSnapshot(id), storedSnapshot(id, 1));
        }
        given().get("/api/cameras/{id}/history", ids[0]).then().statusCode(200)
                .body("action", equalTo(List.of("import"))).body("[0].version", equalTo(1))
                // stored without what is not known, shown whole
                .body("[0].feature.properties.signage", equalTo("unknown")).body("[0].feature.properties", hasKey("height"));
    }

    @Test
    void theMigrationWritesTheSameVersionOneForCamerasImportedBefore() throws IOException {
        long node = ThreadLocalRandom.current().nextLong(2_000_000_000L, 3_000_000_000L);
        long id = importTwo(node, 1, "fixed")[0];
        // the migration stored whole Features, the application leaves out what says nothing is known
        JsonNode written = whole(storedSnapshot(id, 1));
        // as an import before issue 20 left it: no history row for version 1
        sql.update("DELETE FROM camera_version WHERE camera_id = ?", id);
        sql.update(migration());
        JsonNode migrated = whole(storedSnapshot(id, 1));
        // the same days: the migration wrote the instants (PostgreSQL's to_char), snapshots now hold days
        for (String time : List.of("createdAt", "updatedAt")) {
            assertEquals(written.get("properties").get(time).asText(), OffsetDateTime.parse(migrated.get("properties")
                    .get(time).asText()).withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDate().toString(), time);
            ((ObjectNode) written.get("properties")).remove(time);
            ((ObjectNode) migrated.get("properties")).remove(time);
        }
        // the migration is history: properties that later features added to the snapshot are not in its rows
        List<String> known = new java.util.ArrayList<>();
        migrated.get("properties").fieldNames().forEachRemaining(known::add);
        ((ObjectNode) written.get("properties")).retain(known);
        assertEquals(written, migrated);
        assertEquals("import", sql.text("SELECT action FROM camera_version WHERE camera_id = ? AND version = 1", id));
    }

    @Test
    void everyWriterAddsOneHistoryRowPerVersion() throws IOException {
        long node = ThreadLocalRandom.current().nextLong(3_000_000_000L, 4_000_000_000L);
        // other test classes insert cameras with plain SQL as fixtures (no history by design): the
        // registry-wide check covers every camera written since this test began
        long before = sql.count("SELECT coalesce(max(id), 0) FROM camera");
        long[] ids = importTwo(node, 1, "dome");
        String cameras = ids[0] + ", " + ids[1];
        long a = ids[0];
        double[] at = {sql.decimal("SELECT ST_X(position) FROM camera WHERE id = ?", a),
                sql.decimal("SELECT ST_Y(position) FROM camera WHERE id = ?", a)};

        // the source's newer version, into a camera nobody edited: an import version
        importTwo(node, 2, "fixed");
        assertEquals(2, sql.count("SELECT version FROM camera WHERE id = ?", a));
        int v = Api.update(a, 2, at[0], at[1], Map.of("operator", "Mairie"));
        Accounts.volunteer().request().header("If-Match", "\"" + v + "\"").body(Map.of("version", 1))
                .post("/api/cameras/{id}/revert", a).then().statusCode(200);
        Accounts.moderator().authorized().post("/api/moderation/cameras/{id}/hide", a).then().statusCode(200);
        Accounts.moderator().authorized().post("/api/moderation/cameras/{id}/restore", a).then().statusCode(200);
        Accounts.volunteer().authorized().post("/api/cameras/{id}/confirmations", ids[1]).then().statusCode(201);
        Accounts.moderator().request().body(Map.of("into", a)).post("/api/moderation/cameras/{id}/merge", ids[1])
                .then().statusCode(200);
        // edited since its import: the next import leaves it, a conflict, and writes nothing
        importTwo(node, 3, "panning");
        Api.delete(a, (int) sql.count("SELECT version FROM camera WHERE id = ?", a));

        assertEquals(0, versionsWithoutTheirRow(cameras));
        given().get("/api/cameras/{id}/history", a).then().statusCode(200).body("action", equalTo(List.of(
                "import", "import", "update", "revert", "hide", "restore", "delete")));
        assertEquals(0, versionsWithoutTheirRow("SELECT id FROM camera WHERE id > " + before), "every camera written since");
    }

    @Test
    void aNewVersionOfACameraNotLockedIsRefused() throws IOException {
        long id = importTwo(ThreadLocalRandom.current().nextLong(4_000_000_000L, 5_000_000_000L), 1, "dome")[0];
        Throwable refused = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Camera camera = Camera.findById(id);
            camera.operator = "Sans verrou";
            writes.newVersion(camera, CameraVersion.Action.UPDATE, null);
        }));
        while (!(refused instanceof IllegalStateException) && refused.getCause() != null) {
            refused = refused.getCause();
        }
        assertEquals("camera " + id + " must be locked before a new version is written", refused.getMessage());
        assertEquals("Ville", sql.text("SELECT operator FROM camera WHERE id = ?", id), "rolled back");
        assertEquals(1, sql.count("SELECT version FROM camera WHERE id = ?", id));
        assertEquals(0, versionsWithoutTheirRow(String.valueOf(id)));
    }

    /**
     * The history is written in two places only: CameraHistory (through CameraWrites) and the
     * importer's bulk version 1 rows (ImportedVersions). A reason set after the fact by another
     * UPDATE, or a row written by hand, would be a second write path.
     */
    @Test
    void onlyTheWritePathAndTheImportersVersionOneWriteTheHistory() throws IOException {
        java.util.regex.Pattern write = java.util.regex.Pattern.compile(
                "(?i)(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|COPY)\\s+camera_version\\b|new CameraVersion\\(\\)|\"camera_version \\(");
        List<String> writers;
        try (var files = java.nio.file.Files.walk(Path.of("src", "main", "java"))) {
            writers = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return write.matcher(java.nio.file.Files.readString(f)).find();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("CameraHistory.java", "ImportedVersions.java"), writers);
    }

    /** What CameraHistory makes of the camera as stored now. */
    private JsonNode expectedSnapshot(long id) {
        // through text, as the stored one is read: the same JSON numbers (an id is not a long there)
        return QuarkusTransaction.requiringNew().call(() -> json.readTree(json.writeValueAsString(history.snapshot(Camera.findById(id)))));
    }

    /** A stored snapshot as the history's readers get it. */
    @SuppressWarnings("unchecked")
    private JsonNode whole(JsonNode stored) {
        return json.valueToTree(CameraSnapshots.expand(json.convertValue(stored, Map.class)));
    }

    private JsonNode storedSnapshot(long id, int version) {
        try {
            return json.readTree(sql.text("SELECT snapshot::text FROM camera_version WHERE camera_id = ? AND version = ?", id, version));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String migration() throws IOException {
        try (InputStream in = OneWritePathTest.class.getResourceAsStream("/db/migration/V26_1__history_of_imported_versions.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
