package org.vigie.importer;

import org.locationtech.jts.geom.Envelope;
import org.vigie.importer.legacy.SousSurveillanceMapper;
import org.vigie.importer.osm.OsmTagMapper;

import java.sql.SQLException;
import java.util.function.Consumer;

/** One file's import in progress: maps what the reader sends and hands cameras to the writer. */
final class ImportRun implements ImportSink {

    private static final long PROGRESS_EVERY = 50_000;

    private final ImportFormat format;
    private final ImportCounters counters;
    private final CameraImportWriter writer;
    private final Consumer<ImportCounters> progress;
    private Envelope bounds;

    ImportRun(ImportFormat format, ImportCounters counters, CameraImportWriter writer, Consumer<ImportCounters> progress) {
        this.format = format;
        this.counters = counters;
        this.writer = writer;
        this.progress = progress;
    }

    @Override
    public void object(SourceObject object) {
        counted();
        Mapping mapping = format == ImportFormat.SOUS_SURVEILLANCE
                ? SousSurveillanceMapper.map(object.lon(), object.lat(), object.tags())
                : OsmTagMapper.map(object.lon(), object.lat(), object.tags());
        if (mapping instanceof Mapping.Skipped skipped) {
            counters.skip(skipped.reason());
        } else if (mapping instanceof Mapping.Accepted accepted) {
            accepted.notes().forEach(counters::note);
            try {
                writer.add(object, accepted.draft());
            } catch (SQLException e) {
                throw new ImportFailure("the database refused a block of cameras: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void skipped(String reason) {
        counted();
        counters.skip(reason);
    }

    @Override
    public void bounds(Envelope bounds) {
        this.bounds = bounds;
    }

    Envelope bounds() {
        return bounds;
    }

    private void counted() {
        counters.read++;
        if (counters.read % PROGRESS_EVERY == 0) {
            progress.accept(counters);
        }
    }
}
