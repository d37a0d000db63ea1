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
import java.util.List;
import java.util.Set;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The indexes a large import into an empty registry builds after loading (forced here on small
 * files whatever the table holds): same cameras, same indexes afterwards, nothing half-done, and the
 * explicit list of deferred indexes kept equal to what the migrations create.
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

    /**
     * The explicit list is the migrations' indexes: every secondary index of the camera table is
     * deferred or kept by name, and each deferred definition is, but for its layout, the last one the
     * migrations give that index (read from their files, so that an earlier test's rebuild cannot
     * hide a difference). A migration that adds or changes an index of the camera table fails here
     * until DeferredIndexes follows.
     */
    @Test
    void theDeferredIndexesAreTheMigrationsIndexes() throws IOException {
        Set<String> secondary = new TreeSet<>(List.of(sql.text("SELECT string_agg(indexrelid::regclass::text, ',') FROM pg_index i "
                + "WHERE indrelid = 'camera'::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)")
                .split(",")));
        Set<String> listed = new TreeSet<>(DeferredIndexes.KEPT);
        DeferredIndexes.INDEXES.forEach(index -> listed.add(index.name()));
        assertEquals(secondary, listed, "every secondary index of camera is deferred or kept, by name");
        Map<String, String> lastDefinitions = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("V"))
                    .sorted(Comparator.comparing(DeferredIndexesTest::version, DeferredIndexesTest::compareVersions)).toList()) {
                Matcher m = CREATE_INDEX.matcher(Files.readString(file).replaceAll("--[^\n]*", "").replaceAll("\\s+", " "));
                while (m.find()) {
                    lastDefinitions.put(m.group(1), m.group().strip());
                }
            }
        }
        for (DeferredIndexes.Index index : DeferredIndexes.INDEXES) {
            assertEquals(lastDefinitions.get(index.name()), index.definition(), index.name());
        }
    }

    /**
     * The deferred foreign keys are written as the database defines them (pg_get_constraintdef), are
     * back after a deferred import, and hold: a history row naming no camera is still refused.
     */
    @Test
    void theDeferredForeignKeysAreTheDatabasesOwnAndHoldAfterAnImport() {
        imports.importFile(SharedData.file("osm/monaco-2021-04-21.osm.pbf"), ImportOptions.defaults(), c -> { }, ALWAYS);
        for (DeferredIndexes.ForeignKey key : DeferredIndexes.FOREIGN_KEYS) {
            assertEquals(key.definition(), sql.text("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = ? "
                    + "AND conrelid = ?::regclass", key.name(), key.table()), key.name());
        }
        assertEquals(10, sql.count("SELECT count(*) FROM camera_version v JOIN camera c ON c.id = v.camera_id "
                + "WHERE c.source = 'osm' AND v.version = 1"), "each imported camera has its version 1");
        assertThrows(RuntimeException.class, () -> sql.update("INSERT INTO camera_version (camera_id, version, action, snapshot) "
                + "VALUES (-1, 1, 'import', '{}')"));
    }

    private static final Pattern CREATE_INDEX = Pattern.compile("CREATE INDEX (camera_\\w+) ON camera [^;]*");

    /** A migration's version as numbers (V21_1 is 21, 1), to read them in Flyway's order. */
    private static List<Integer> version(Path file) {
        String v = file.getFileName().toString().substring(1).split("__")[0];
        return Arrays.stream(v.split("[._]")).map(Integer::valueOf).toList();
    }

    private static int compareVersions(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
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
