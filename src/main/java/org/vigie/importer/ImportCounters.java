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
    volatile long linked;
    final List<String> conflictSamples = new ArrayList<>();
    /** The cameras of those samples, in the same order: the admin's screen links to them. */
    final List<Long> conflictCameras = new ArrayList<>();
    final Map<String, Long> skipped = new TreeMap<>();
    final Map<String, Long> notes = new TreeMap<>();

    synchronized void skip(String reason) {
        skip(reason, 1);
    }

    synchronized void skip(String reason, long count) {
        skipped.merge(reason, count, Long::sum);
    }

    synchronized void note(String reason) {
        notes.merge(reason, 1L, Long::sum);
    }

    void conflict(String sourceId, long cameraId) {
        conflicts++;
        if (conflictSamples.size() < CONFLICT_SAMPLES) {
            conflictSamples.add(sourceId);
            conflictCameras.add(cameraId);
        }
    }

    /** Skip reasons that say an element is not of the file's format at all, rather than not a camera. */
    private static final java.util.Set<String> NOT_OF_THE_FORMAT = java.util.Set.of("not_an_osm_element", "not_a_point");

    /**
     * Whether the file held elements and none was recognised as its format (a JSON array of
     * {id, lat, lon, type} objects is no Overpass answer): such an import is a failure, not "0 imported".
     */
    synchronized boolean recognisedNothing() {
        return read > 0 && !skipped.isEmpty() && NOT_OF_THE_FORMAT.containsAll(skipped.keySet())
                && skipped.values().stream().mapToLong(Long::longValue).sum() == read;
    }

    public long read() {
        return read;
    }

    public long written() {
        return created + updated + removed;
    }
}
