package org.vigie.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What an import has done so far; read by the progress display and turned into the report. */
public final class ImportCounters {

    static final int CONFLICT_SAMPLES = 20;

    // Written by one thread each (reading: read, skipped, notes; writing: the rest), read by the progress display.
    volatile long read;
    volatile long created;
    volatile long updated;
    volatile long unchanged;
    volatile long removed;
    volatile long conflicts;
    final List<String> conflictSamples = new ArrayList<>();
    final Map<String, Long> skipped = new TreeMap<>();
    final Map<String, Long> notes = new TreeMap<>();

    synchronized void skip(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    synchronized void note(String reason) {
        notes.merge(reason, 1L, Long::sum);
    }

    void conflict(String sourceId) {
        conflicts++;
        if (conflictSamples.size() < CONFLICT_SAMPLES) {
            conflictSamples.add(sourceId);
        }
    }

    public long read() {
        return read;
    }

    public long written() {
        return created + updated + removed;
    }
}
