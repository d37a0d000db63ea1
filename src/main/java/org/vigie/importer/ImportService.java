package org.vigie.importer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.locationtech.jts.geom.Envelope;
import org.vigie.camera.CameraHistory;
import org.vigie.camera.CameraService;
import org.vigie.importer.list.ListLinks;
import org.vigie.importer.list.OfficialListReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Imports one file in one transaction: a file that turns out broken half-way writes nothing.
 * Re-importing the same file changes nothing; a newer source version updates its camera.
 */
@ApplicationScoped
public class ImportService {

    private final AgroalDataSource dataSource;
    private final EntityManager entities;
    private final CameraHistory history;
    private final ImportConfig config;
    private final TableUpkeep upkeep;

    public ImportService(AgroalDataSource dataSource, EntityManager entities, CameraHistory history,
                         ImportConfig config, TableUpkeep upkeep) {
        this.dataSource = dataSource;
        this.entities = entities;
        this.history = history;
        this.config = config;
        this.upkeep = upkeep;
    }

    /** Imports {@code file}; {@code progress} is called now and then with the counts so far. Vacuums after a large one. */
    public ImportReport importFile(Path file, ImportOptions options, Consumer<ImportCounters> progress) {
        ImportReport report = importFile(file, options, progress, config);
        upkeep.afterImport(report);
        return report;
    }

    /**
     * The same, deferring index builds as {@code indexPolicy} says (tests exercise both ways on small
     * files). The transaction starts here: Quarkus intercepts this call from the method above too.
     */
    @Transactional
    @TransactionConfiguration(timeout = 6 * 3600)
    ImportReport importFile(Path file, ImportOptions options, Consumer<ImportCounters> progress, ImportConfig indexPolicy) {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            throw new ImportFailure("cannot read " + file + ": no such readable file");
        }
        long start = System.nanoTime();
        ImportFormat format = options.format() != null ? options.format() : ImportFormat.detect(file);
        OffsetDateTime now = CameraService.now();
        Loaded loaded;
        try (Connection connection = dataSource.getConnection()) {
            boolean intoEmptyRegistry = isEmpty(connection);
            DeferredIndexes indexes = DeferredIndexes.dropIfWorthIt(connection, Files.size(file), indexPolicy);
            loaded = load(connection, file, format, options, progress, now);
            if (loaded.counters().recognisedNothing()) {
                throw new ImportFailure("nothing in " + file + " was recognised as " + format.option() + " ("
                        + loaded.counters().read() + " elements read, none of them " + expected(format) + ")");
            }
            indexes.rebuild();
            if (options.fullArea()) {
                Envelope area = options.area() != null ? options.area() : loaded.run().bounds();
                if (area == null) {
                    throw new ImportFailure(file + " states no bounds: --full-area needs --bbox minLon,minLat,maxLon,maxLat");
                }
                loaded.writer().markRemoved(missingFromFile(connection, options.source(format), area));
            }
            if (!intoEmptyRegistry) { // else no camera of the other source is there to link
                LegacyLinks.linkAll(connection, entities, history); // one camera, not two
                if (format == ImportFormat.CSV) {
                    loaded.counters().linked = ListLinks.link(connection, entities, history, options.list());
                } else {
                    // the lists imported before this source: one camera, not two, in either order (issue 17)
                    loaded.counters().linked = ListLinks.linkEveryList(connection, entities, history);
                }
            }
        } catch (SQLException | jakarta.persistence.PersistenceException e) {
            throw new ImportFailure(file + ": the database refused the import: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ImportFailure("cannot read " + file + ": " + e.getMessage(), e);
        } catch (ImportFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ImportFailure(file + ": cannot be imported (" + e + ")", e);
        }
        progress.accept(loaded.counters());
        return ImportReport.of(file.toString(), format, options.source(format), loaded.counters(), (System.nanoTime() - start) / 1e9);
    }

    private static String expected(ImportFormat format) {
        return switch (format) {
            case SOUS_SURVEILLANCE -> "a GeoJSON Feature with a Point geometry";
            case CSV -> "a row with usable coordinates";
            default -> "an OpenStreetMap node, way or relation (type, id, and lat and lon for a node)";
        };
    }

    private record Loaded(ImportCounters counters, CameraImportWriter writer, ImportRun run) {
    }

    /** Reads the file and writes its cameras, block by block. */
    private Loaded load(Connection connection, Path file, ImportFormat format, ImportOptions options,
                        Consumer<ImportCounters> progress, OffsetDateTime now) throws SQLException {
        ImportCounters counters = new ImportCounters();
        String source = options.source(format);
        CameraPreparer preparer = new CameraPreparer(source, now);
        CameraImportWriter writer = new CameraImportWriter(connection, entities, history, preparer,
                counters, options.fullArea());
        ImportPipeline pipeline = new ImportPipeline();
        ImportRun run = new ImportRun(format, options.list(), counters, preparer,
                pipeline::hand, progress, pipeline::checkNotCancelled);
        pipeline.startReading(() -> {
            (format == ImportFormat.CSV ? new OfficialListReader(options.list()) : format.reader()).read(file, run);
            run.finishBlock();
        });
        pipeline.drain(writer::write);
        run.keepWayNodes(connection); // for the replication sync: a node moved moves its way's camera
        return new Loaded(counters, writer, run);
    }

    private static boolean isEmpty(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM camera)");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getBoolean(1);
        }
    }

    /** Cameras of the source within the area, in service, that the file did not mention. */
    private static List<Long> missingFromFile(Connection connection, String source, Envelope area) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT id FROM camera c WHERE source = ? AND visible "
                + "AND status <> 'removed' AND position && ST_MakeEnvelope(?, ?, ?, ?, 4326) "
                + "AND NOT EXISTS (SELECT 1 FROM import_seen s WHERE s.source_id = c.source_id) ORDER BY id")) {
            s.setString(1, source);
            s.setDouble(2, area.getMinX());
            s.setDouble(3, area.getMinY());
            s.setDouble(4, area.getMaxX());
            s.setDouble(5, area.getMaxY());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        return ids;
    }
}
