package org.vigie.importer;

import org.locationtech.jts.geom.Envelope;
import org.vigie.importer.legacy.SousSurveillanceMapper;
import org.vigie.importer.list.ListOptions;
import org.vigie.importer.list.OfficialListMapper;
import org.vigie.importer.osm.OsmTagMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reading side of one file's import: maps what the reader sends, prepares the cameras and
 * hands them over in blocks. It runs on its own thread, beside the writing one.
 */
final class ImportRun implements ImportSink {

    static final int BLOCK = 2000;
    private static final long PROGRESS_EVERY = 50_000;

    private final ImportFormat format;
    private final ImportCounters counters;
    private final CameraPreparer preparer;
    private final Consumer<List<PreparedCamera>> blocks;
    private final Consumer<ImportCounters> progress;
    private final Runnable checkNotCancelled;
    private final ListOptions list;
    private List<PreparedCamera> block = new ArrayList<>(BLOCK);
    private volatile Envelope bounds;

    ImportRun(ImportFormat format, ImportCounters counters, CameraPreparer preparer,
              Consumer<List<PreparedCamera>> blocks, Consumer<ImportCounters> progress, Runnable checkNotCancelled) {
        this(format, null, counters, preparer, blocks, progress, checkNotCancelled);
    }

    ImportRun(ImportFormat format, ListOptions list, ImportCounters counters, CameraPreparer preparer,
              Consumer<List<PreparedCamera>> blocks, Consumer<ImportCounters> progress, Runnable checkNotCancelled) {
        this.list = list;
        this.checkNotCancelled = checkNotCancelled;
        this.format = format;
        this.counters = counters;
        this.preparer = preparer;
        this.blocks = blocks;
        this.progress = progress;
    }

    @Override
    public void object(SourceObject given) {
        objectWithoutNul(withoutNul(given));
    }

    @Override
    public void objectWithoutNul(SourceObject object) {
        counted();
        Mapping mapping = switch (format) {
            case SOUS_SURVEILLANCE -> SousSurveillanceMapper.map(object.lon(), object.lat(), object.tags());
            case CSV -> OfficialListMapper.map(object.lon(), object.lat(), object.tags(), list);
            default -> OsmTagMapper.map(object.lon(), object.lat(), object.tags(), object.stamped());
        };
        if (mapping instanceof Mapping.Skipped skipped) {
            counters.skip(skipped.reason());
        } else if (mapping instanceof Mapping.Accepted accepted) {
            accepted.notes().forEach(counters::note);
            block.add(preparer.prepare(object, accepted.draft()));
            if (block.size() >= BLOCK) {
                finishBlock();
            }
        }
    }

    /** PostgreSQL stores no NUL character in text: such characters in a file are dropped, and noted. */
    private SourceObject withoutNul(SourceObject o) {
        if (!hasNul(o)) {
            return o;
        }
        counters.note("nul_character_removed");
        java.util.Map<String, String> clean = new java.util.LinkedHashMap<>();
        o.tags().forEach((k, v) -> clean.put(k.replace("\0", ""), v.replace("\0", "")));
        return new SourceObject(o.sourceId() == null ? null : o.sourceId().replace("\0", ""), o.sourceVersion(), o.lon(), o.lat(), clean,
                o.stamped());
    }

    private static boolean hasNul(SourceObject o) {
        if (o.sourceId() != null && o.sourceId().indexOf('\0') >= 0) {
            return true;
        }
        for (java.util.Map.Entry<String, String> t : o.tags().entrySet()) {
            if (t.getKey().indexOf('\0') >= 0 || t.getValue().indexOf('\0') >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Hands over what is left; called once the reader is done. */
    void finishBlock() {
        countSkips();
        if (!block.isEmpty()) {
            blocks.accept(block);
            block = new ArrayList<>(BLOCK);
        }
    }

    /**
     * Skips of one reason in a row are counted here and added to the counters in one go: a country
     * extract's twenty million untagged nodes each took a lock and a sorted map's look-up, a fifth
     * of the time spent reading the file (JFR, bench/country-scan.sh).
     */
    private String skipping;
    private long skips;

    @Override
    public void skipped(String reason) {
        counted();
        if (!reason.equals(skipping)) {
            countSkips();
            skipping = reason;
        }
        skips++;
    }

    private void countSkips() {
        if (skips > 0) {
            counters.skip(skipping, skips);
            skips = 0;
        }
    }

    @Override
    public void bounds(Envelope bounds) {
        this.bounds = bounds;
    }

    Envelope bounds() {
        return bounds;
    }

    /** The surveillance ways read and their nodes' positions (a few: one entry per way camera). */
    private final java.util.Map<Long, long[]> ways = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Long, org.locationtech.jts.geom.Coordinate> wayPositions = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void surveillanceWay(long wayId, long[] nodes, java.util.Map<Long, org.locationtech.jts.geom.Coordinate> positions) {
        ways.put(wayId, nodes);
        wayPositions.putAll(positions);
    }

    /** Keeps the nodes of the surveillance ways read, once the file is written (WayNodes). */
    void keepWayNodes(java.sql.Connection connection) throws java.sql.SQLException {
        new org.vigie.importer.osm.WayNodes(connection).remember(ways, wayPositions);
    }

    private void counted() {
        counters.read++;
        if (counters.read % PROGRESS_EVERY == 0) {
            countSkips();
            checkNotCancelled.run();
            progress.accept(counters);
        }
    }
}
