package org.vigie.importer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.support.ClusterRecount;
import org.vigie.support.Secrets;
import org.vigie.support.SharedData;
import org.vigie.support.Sql;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A first import into an empty registry (FirstImport: no look-ups, the unique keys, the foreign keys
 * that reference cameras and two triggers built again after loading, rows copied frozen) writes what
 * the normal path writes, reports the same counts, leaves the same schema, and rolls back whole.
 * Each test starts from an empty camera table.
 */
@QuarkusTest
class FirstImportTest {

    /** Any file into an empty table takes the first import's path. */
    private static final ImportConfig FIRST = config(0);
    /** No file does: the normal path, look-ups and keys row by row. */
    private static final ImportConfig NORMAL = config(Long.MAX_VALUE);

    @Inject
    ImportService imports;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Sql sql;
    @TempDir
    Path dir;

    private static ImportConfig config(long fromBytes) {
        return new ImportConfig() {
            @Override
            public long deferIndexesFromBytes() {
                return fromBytes;
            }

            @Override
            public long deferIndexesUpToRows() {
                return 0;
            }
        };
    }

    @BeforeAll
    static void keepWhatEarlierTestsStoredForThePrivacyAudit() {
        Secrets.dumpBeforeWiping("FirstImportTest");
    }

    @BeforeEach
    void emptyRegistry() {
        // every table that references cameras, as a restore into a new database would start
        sql.update("TRUNCATE camera CASCADE");
    }

    /** The camera table's constraints, the foreign keys that reference it, its triggers and indexes. */
    private String schema() {
        return sql.text("SELECT string_agg(d, E'\\n' ORDER BY d) FROM ("
                + " SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS d FROM pg_constraint"
                + "  WHERE conrelid = 'camera'::regclass OR confrelid = 'camera'::regclass"
                + " UNION ALL SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = 'camera'::regclass AND NOT tgisinternal"
                + " UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'camera') AS s");
    }

    /** Every camera as stored, but for its id and times, and every history row, in a stable order. */
    private String stored() {
        return sql.text("SELECT coalesce(string_agg((to_jsonb(c) - 'id' - 'created_at' - 'updated_at')::text, E'\\n'"
                + " ORDER BY source, source_id), '') FROM camera c")
                + sql.text("SELECT coalesce(string_agg(v.version || ' ' || v.action || ' ' || c.source_id || ' '"
                + " || (v.snapshot - 'id' #- '{properties,createdAt}' #- '{properties,updatedAt}')::text, E'\\n' ORDER BY c.source_id, v.version), '')"
                + " FROM camera_version v JOIN camera c ON c.id = v.camera_id");
    }

    /** Imports {@code file} one way and the other from an empty registry: the same rows, counts and schema. */
    private ImportReport assertBothWaysAlike(Path file) {
        String schema = schema();
        ImportReport normal = imports.importFile(file, ImportOptions.defaults(), c -> { }, NORMAL);
        String normalRows = stored();
        emptyRegistry();
        ImportReport first = imports.importFile(file, ImportOptions.defaults(), c -> { }, FIRST);
        assertEquals(normalRows, stored());
        assertEquals(withoutTime(normal), withoutTime(first));
        assertEquals(schema, schema(), "keys, references, triggers and indexes as they were");
        ClusterRecount.assertCellsEqualRecount(sql);
        return first;
    }

    private static ImportReport withoutTime(ImportReport r) {
        return new ImportReport(r.file(), r.format(), r.source(), r.elementsRead(), r.created(), r.updated(), r.unchanged(),
                r.removed(), r.conflicts(), r.conflictSourceIds(), r.skipped(), r.notes(), 0, 0);
    }

    @Test
    void accountsAndCitiesStayAvailableWhileAFirstImportLoads() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                FirstImport first = FirstImport.prepare(c, DeferredIndexes.dropIfWorthIt(c, 1, FIRST));
                assertTrue(first.active(), "the empty registry takes the first import's path");
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT string_agg(relation::regclass || ' '"
                        + " || mode, ', ') FROM pg_locks WHERE pid = pg_backend_pid() AND relation IN ('account'::regclass, 'city'::regclass)"
                        + " AND mode IN ('AccessExclusiveLock', 'ExclusiveLock', 'ShareRowExclusiveLock')")) {
                    r.next();
                    assertNull(r.getString(1), "a login or a city page would wait for the import's commit");
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    @Test
    void theCameraTablesOwnKeysAreCheckedOnceAfterLoading() throws Exception {
        String city = "T" + UUID.randomUUID().toString().substring(0, 8);
        sql.update("INSERT INTO city (code, name, name_key, boundary, area_km2) VALUES (?, 'Clefville', 'clefville', "
                + "ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(2, 48), 4326), 0.005)), 1)", city);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                FirstImport first = FirstImport.prepare(c, DeferredIndexes.dropIfWorthIt(c, 1, FIRST));
                boolean allowed = sql.count("SELECT count(*) WHERE has_parameter_privilege('session_replication_role', 'SET')") == 1;
                // a row the import would never write: a city that does not exist
                String missingCity = "INSERT INTO camera (position, field_of_view, range_m, source, source_id, city_code) "
                        + "VALUES (ST_SetSRID(ST_MakePoint(2, 48), 4326), 90, 30, 'osm', 'node/1', 'no-such-city')";
                if (!allowed) {
                    // without the right to set session_replication_role, the key's trigger refuses the row at once
                    assertEquals("23503", assertThrows(SQLException.class, () -> s.execute(missingCity)).getSQLState());
                    return;
                }
                s.execute(missingCity);
                first.named(new String[] {city, null, "no-such-city"});
                ImportFailure failure = assertThrows(ImportFailure.class, first::finish);
                assertTrue(failure.getMessage().startsWith("1 cities named by imported cameras do not exist"), failure.getMessage());
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
            // a first import that names only cities that exist; one of them deleted meanwhile: the
            // deletion waits for the import's commit (the camera table is locked), without a deadlock
            // (a lock taken on the city by the check would wait for the deletion in turn)
            ExecutorService other = Executors.newSingleThreadExecutor();
            Future<Integer> deletion;
            c.setAutoCommit(false);
            try {
                FirstImport first = FirstImport.prepare(c, DeferredIndexes.dropIfWorthIt(c, 1, FIRST));
                first.named(new String[] {city});
                deletion = other.submit(() -> {
                    try (Connection o = dataSource.getConnection(); Statement os = o.createStatement()) {
                        return os.executeUpdate("DELETE FROM city WHERE code = '" + city + "'");
                    }
                });
                awaitWaitingOnALock("DELETE FROM city WHERE code = '" + city + "'");
                Thread.sleep(1500); // past deadlock_timeout (1 s): the deletion's own check has run, the import's would find the cycle
                assertTrue(first.finish());
                assertFalse(deletion.isDone(), "the city named cannot be deleted before the import commits");
                try (ResultSet r = s.executeQuery("SELECT current_setting('session_replication_role')")) {
                    r.next();
                    assertEquals("origin", r.getString(1));
                }
                // away from the city being deleted, whose key check would wait for the deletion
                SQLException refused = assertThrows(SQLException.class, () -> s.execute("INSERT INTO camera (position, "
                        + "field_of_view, range_m, created_by) VALUES (ST_SetSRID(ST_MakePoint(30, 10), 4326), 90, 30, -42)"));
                assertEquals("23503", refused.getSQLState());
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
            assertEquals(1, deletion.get(30, TimeUnit.SECONDS), "the deletion went through once the import was over");
            other.shutdown();
        } finally {
            sql.update("DELETE FROM city WHERE code = ?", city);
        }
    }

    private void awaitWaitingOnALock(String query) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (sql.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query = ?", query) == 1) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never waited on a lock: " + query);
    }

    /** The ids a first import hands out are consecutive, and the next camera added gets a later one. */
    private void assertIdsHandedOutPastTheSequence(long cameras) {
        assertEquals(cameras, sql.count("SELECT max(id) - min(id) + 1 FROM camera"));
        long added = sql.count("INSERT INTO camera (position, field_of_view, range_m) "
                + "VALUES (ST_SetSRID(ST_MakePoint(2, 48), 4326), 90, 30) RETURNING id");
        assertTrue(added > sql.count("SELECT max(id) FROM camera WHERE id <> ?", added), "the sequence is past the imported ids");
        sql.update("DELETE FROM camera WHERE id = ?", added);
    }

    @Test
    void aFirstImportWritesWhatTheNormalPathWrites() {
        ImportReport first = assertBothWaysAlike(SharedData.file("osm/monaco-2021-04-21.osm.pbf"));
        assertEquals(10, first.created());
        assertIdsHandedOutPastTheSequence(10);
        // the keys built after loading are in force: the same file again changes nothing
        ImportReport again = imports.importFile(SharedData.file("osm/monaco-2021-04-21.osm.pbf"), ImportOptions.defaults(),
                c -> { }, FIRST);
        assertEquals(10, again.unchanged());
        assertEquals(10, sql.count("SELECT count(*) FROM camera"));
    }

    @Test
    void aSourceIdInTwoBlocksOfOneFileEndsAsOnTheNormalPath() throws IOException {
        // node 1 in the first block and, as a newer version, after a whole block of other cameras
        OsmXmlFiles extract = OsmXmlFiles.extract().camera(1, 1, 2.001, 48.001, "camera:type", "fixed");
        for (int i = 0; i < ImportRun.BLOCK + 10; i++) {
            extract.camera(100 + i, 1, 2.0 + i * 1e-6, 48.005, "surveillance:type", "camera");
        }
        extract.camera(1, 2, 2.002, 48.002, "camera:type", "dome");
        ImportReport first = assertBothWaysAlike(extract.write(dir, "twice.osm"));
        assertEquals(ImportRun.BLOCK + 11, first.created());
        assertEquals(1, first.updated());
        assertEquals("dome", sql.text("SELECT camera_type FROM camera WHERE source_id = 'node/1'"));
    }

    @Test
    void aFirstImportIntoARegistryWithCitiesGivesEachBlockItsCities() throws IOException {
        // three blocks in a row eastwards, the first half of them inside a city: its open COPY is
        // closed before each block's city query and opened again after it
        String city = "T" + UUID.randomUUID().toString().substring(0, 8);
        sql.update("INSERT INTO city (code, name, name_key, boundary, area_km2) VALUES (?, 'Blocville', 'blocville', "
                + "ST_Multi(ST_MakeEnvelope(-3.4, 47.6, -3.4 + 1.5 * ? * 1e-6, 47.8, 4326)), 1)", city, ImportRun.BLOCK);
        try {
            OsmXmlFiles extract = OsmXmlFiles.extract();
            for (int i = 0; i < 3 * ImportRun.BLOCK; i++) {
                extract.camera(100 + i, 1, -3.4 + (i + 0.5) * 1e-6, 47.7, "surveillance:type", "camera");
            }
            ImportReport first = assertBothWaysAlike(extract.write(dir, "cities.osm"));
            assertEquals(3 * ImportRun.BLOCK, first.created());
            assertEquals(3 * ImportRun.BLOCK / 2, sql.count("SELECT count(*) FROM camera WHERE city_code = ?", city));
        } finally {
            emptyRegistry();
            sql.update("DELETE FROM city WHERE code = ?", city);
        }
    }

    @Test
    void aFirstImportOfAFullAreaRemovesNothing() {
        ImportReport first = imports.importFile(SharedData.file("osm/monaco-2021-04-21.osm.pbf"),
                new ImportOptions(null, true, null), c -> { }, FIRST);
        assertEquals(10, first.created());
        assertEquals(0, first.removed(), "every camera of an empty registry came from the file");
        assertEquals(0, sql.count("SELECT count(*) FROM camera WHERE status = 'removed'"));
    }

    @Test
    @Timeout(120) // a COPY left open by a failing import would hang its rollback
    void aFileBrokenAfterSeveralBlocksLeavesTheRegistryAsItWas() throws IOException {
        OsmXmlFiles extract = OsmXmlFiles.extract();
        for (int i = 0; i < 3 * ImportRun.BLOCK; i++) {
            extract.camera(100 + i, 1, 2.0 + i * 1e-6, 48.005, "surveillance:type", "camera");
        }
        Path whole = extract.write(dir, "whole.osm");
        String text = Files.readString(whole);
        // cut in the middle of the last node: the first blocks have gone into the open COPY by then
        Path broken = Files.writeString(dir.resolve("broken.osm"), text.substring(0, text.lastIndexOf("<node") + 12));
        String schema = schema();
        assertThrows(ImportFailure.class, () -> imports.importFile(broken, ImportOptions.defaults(), c -> { }, FIRST));
        assertEquals(0, sql.count("SELECT count(*) FROM camera"));
        assertEquals(schema, schema());
        // the connection went back to the pool usable: the whole file imports next
        assertEquals(3 * ImportRun.BLOCK, imports.importFile(whole, ImportOptions.defaults(), c -> { }, FIRST).created());
    }

    @Test
    void aBrokenFirstImportLeavesTheRegistryAsItWas() throws IOException {
        byte[] whole = Files.readAllBytes(SharedData.file("osm/monaco-2021-04-21.osm.pbf"));
        Path cut = Files.write(dir.resolve("cut.osm.pbf"), Arrays.copyOf(whole, whole.length * 6 / 10));
        String schema = schema();
        assertThrows(ImportFailure.class, () -> imports.importFile(cut, ImportOptions.defaults(), c -> { }, FIRST));
        assertEquals(0, sql.count("SELECT count(*) FROM camera"));
        assertEquals(schema, schema());
        assertTrue(schema.contains("camera_source_unique UNIQUE (source_id, source)"), schema);
        assertTrue(schema.contains("FOREIGN KEY (camera_id) REFERENCES camera(id)"), schema);
    }
}
