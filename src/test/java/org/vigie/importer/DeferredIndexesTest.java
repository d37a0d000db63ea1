package org.vigie.importer;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.support.ClusterRecount;
import org.vigie.support.SharedData;
import org.vigie.support.Sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bulk path of a first large import (indexes dropped, rebuilt after loading), forced here on
 * small files whatever the table holds: same cameras, same indexes afterwards, nothing half-done.
 */
@QuarkusTest
class DeferredIndexesTest {

    /** Defers on any file, whatever the table holds. */
    private static final ImportConfig ALWAYS = new ImportConfig() {
        @Override
        public long deferIndexesFromBytes() {
            return 0;
        }

        @Override
        public long deferIndexesUpToRows() {
            return Long.MAX_VALUE - 1;
        }
    };

    @Inject
    ImportService imports;
    @Inject
    Sql sql;
    @TempDir
    Path dir;

    @BeforeEach
    void clean() {
        ImportFixtures.forgetImportedCameras(sql);
    }

    /** The definitions of the camera table's indexes, one a line. */
    private String indexes() {
        return sql.text("SELECT string_agg(indexdef, E'\\n' ORDER BY indexname) FROM pg_indexes "
                + "WHERE schemaname = 'public' AND tablename = 'camera'");
    }

    @Test
    void aDeferredImportWritesTheSameCamerasAndRebuildsEveryIndex() {
        Path monaco = SharedData.file("osm/monaco-2021-04-21.osm.pbf");
        String before = indexes();
        ImportReport r = imports.importFile(monaco, ImportOptions.defaults(), c -> { }, ALWAYS);
        assertEquals(10, r.created());
        assertEquals(10, ImportFixtures.imported(sql, "osm"));
        assertEquals(before, indexes());
        // the rebuilt position index answers
        assertEquals(10, sql.count("SELECT count(*) FROM camera WHERE source = 'osm' AND position && ST_MakeEnvelope(7.40, 43.72, 7.45, 43.76, 4326)"));
        // the clusters, counted after loading instead of by the trigger, and their key built again
        ClusterRecount.assertCellsEqualRecount(sql);
        assertEquals(1, sql.count("SELECT count(*) FROM pg_constraint WHERE conname = 'camera_cluster_pkey' AND contype = 'p'"));

        ImportReport again = imports.importFile(monaco, ImportOptions.defaults(), c -> { }, ALWAYS);
        assertEquals(10, again.unchanged());
        assertEquals(before, indexes());
    }

    @Test
    void aPartialIndexThatNoImportedRowEntersIsKeptNotRebuilt() {
        long createdBy = sql.count("SELECT 'camera_created_by_idx'::regclass::oid::bigint");
        long position = sql.count("SELECT 'camera_position_gix'::regclass::oid::bigint");
        imports.importFile(SharedData.file("osm/monaco-2021-04-21.osm.pbf"), ImportOptions.defaults(), c -> { }, ALWAYS);
        assertEquals(createdBy, sql.count("SELECT 'camera_created_by_idx'::regclass::oid::bigint"),
                "imports never set created_by: its partial index has nothing to build");
        assertNotEquals(position, sql.count("SELECT 'camera_position_gix'::regclass::oid::bigint"), "the position index was deferred");
    }

    @Test
    void whichPredicatesNoImportedRowMeets() {
        Set<String> leftNull = Set.of("created_by", "city_code");
        assertTrue(DeferredIndexes.excludesEveryImportedRow("(created_by IS NOT NULL)", leftNull));
        assertTrue(DeferredIndexes.excludesEveryImportedRow("(visible AND (city_code IS NOT NULL))", leftNull));
        assertFalse(DeferredIndexes.excludesEveryImportedRow(null, leftNull));
        assertFalse(DeferredIndexes.excludesEveryImportedRow("(visible AND (city_code IS NOT NULL))", Set.of("created_by")));
        assertFalse(DeferredIndexes.excludesEveryImportedRow("((created_by IS NOT NULL) OR visible)", leftNull));
        assertFalse(DeferredIndexes.excludesEveryImportedRow("(NOT (created_by IS NOT NULL))", leftNull));
    }

    @Test
    void aBrokenFileLeavesTheTableAndItsIndexesAsTheyWere() throws IOException {
        byte[] whole = Files.readAllBytes(SharedData.file("osm/monaco-2021-04-21.osm.pbf"));
        Path cut = Files.write(dir.resolve("cut.osm.pbf"), Arrays.copyOf(whole, whole.length * 6 / 10));
        String before = indexes();
        long cameras = sql.count("SELECT count(*) FROM camera");
        assertThrows(ImportFailure.class, () -> imports.importFile(cut, ImportOptions.defaults(), c -> { }, ALWAYS));
        assertEquals(cameras, sql.count("SELECT count(*) FROM camera"));
        assertEquals(before, indexes());
    }
}
