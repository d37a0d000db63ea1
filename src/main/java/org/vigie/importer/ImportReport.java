package org.vigie.importer;

import java.util.List;
import java.util.Map;

/**
 * The outcome of importing one file. {@code conflicts} counts cameras whose source changed while
 * a volunteer had edited them since their import: the volunteer's values were kept, and
 * {@code conflictSourceIds} names the first of them for review ({@code conflictCameraIds}: the same
 * cameras by their Vigie id, in the same order, for links to their sheets). {@code linked}: rows of an official
 * list found within its match distance of a camera already known, linked to it instead of counted twice.
 */
public record ImportReport(String file, String format, String source, long elementsRead,
                           long created, long updated, long unchanged, long removed,
                           long conflicts, List<String> conflictSourceIds, List<Long> conflictCameraIds, long linked,
                           Map<String, Long> skipped, Map<String, Long> notes,
                           double seconds, long camerasPerSecond) {

    /** A report of an import that links nothing (every format but official lists). */
    public ImportReport(String file, String format, String source, long elementsRead, long created, long updated,
                        long unchanged, long removed, long conflicts, List<String> conflictSourceIds,
                        Map<String, Long> skipped, Map<String, Long> notes, double seconds, long camerasPerSecond) {
        this(file, format, source, elementsRead, created, updated, unchanged, removed, conflicts, conflictSourceIds, List.of(),
                0, skipped, notes, seconds, camerasPerSecond);
    }

    /** The same report naming the file otherwise: an upload by the name it was sent with, not the server's temporary path. */
    public ImportReport named(String name) {
        return new ImportReport(name, format, source, elementsRead, created, updated, unchanged, removed, conflicts,
                conflictSourceIds, conflictCameraIds, linked, skipped, notes, seconds, camerasPerSecond);
    }

    static ImportReport of(String file, ImportFormat format, ImportCounters c, double seconds) {
        return of(file, format, format.source(), c, seconds);
    }

    static ImportReport of(String file, ImportFormat format, String source, ImportCounters c, double seconds) {
        long processed = c.created + c.updated + c.unchanged;
        return new ImportReport(file, format.option(), source, c.read, c.created, c.updated, c.unchanged,
                c.removed, c.conflicts, List.copyOf(c.conflictSamples), List.copyOf(c.conflictCameras), c.linked, Map.copyOf(c.skipped), Map.copyOf(c.notes),
                Math.round(seconds * 100) / 100.0, seconds > 0 ? Math.round(processed / seconds) : processed);
    }

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }
}
