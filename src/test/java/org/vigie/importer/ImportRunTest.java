package org.vigie.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.importer.osm.PbfBlocks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reading side alone, without a database: what it notes and what it hands over. */
class ImportRunTest {

    @TempDir
    Path dir;

    @Test
    void nulCharactersAreRemovedAndNotedPerObjectWhetherOrNotTheBlockWasVouchedFor() throws IOException {
        List<PbfBlocks.Node> clean = PbfBlocks.cameras(1, 500, false);
        List<PbfBlocks.Node> withNul = PbfBlocks.cameras(5000, 500, true);
        List<PbfBlocks.Node> plainWithNul = PbfBlocks.cameras(9000, 100, true);
        Path file = PbfBlocks.write(dir.resolve("nul.osm.pbf"), List.of(PbfBlocks.denseBlock(clean), PbfBlocks.denseBlock(withNul),
                PbfBlocks.plainBlock(plainWithNul)));
        long expected = withNul.stream().filter(ImportRunTest::hasNul).count() + plainWithNul.stream().filter(ImportRunTest::hasNul).count();
        ImportCounters counters = new ImportCounters();
        List<PreparedCamera> prepared = new ArrayList<>();
        ImportRun run = new ImportRun(ImportFormat.PBF, counters, new CameraPreparer("osm", OffsetDateTime.now()),
                prepared::addAll, c -> { }, () -> { });
        ImportFormat.PBF.reader().read(file, run);
        run.finishBlock();

        assertEquals(1100, counters.read());
        assertEquals(expected, counters.notes.get("nul_character_removed"));
        assertEquals(1100 - counters.skipped.get("untagged"), prepared.size());
        assertTrue(prepared.stream().noneMatch(c -> c.object().tags().toString().contains("\0")));
        assertTrue(prepared.stream().anyMatch(c -> "Villede Nice".equals(c.draft().operator())));
    }

    private static boolean hasNul(PbfBlocks.Node node) {
        return node.tags().values().stream().anyMatch(v -> v.contains("\0"));
    }
}
