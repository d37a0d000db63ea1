package org.vigie.importer;

import jakarta.persistence.EntityManager;
import org.vigie.camera.CameraHistory;
import org.vigie.camera.CameraService;
import org.vigie.importer.osm.OsmTagMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The import's update path for OpenStreetMap objects that come a few at a time rather than as a
 * file: the replication diffs (org.vigie.osm.sync). Same tag mapping, same rules as a re-import: a
 * newer version updates its camera, an older one is skipped, a camera a volunteer edited since its
 * import keeps the volunteer's values and is counted as a conflict, and every change is a version in
 * the camera's history. Works inside the caller's transaction, on its connection.
 */
public final class SourceUpdates {

    private final Connection connection;
    private final EntityManager entities;
    private final CameraHistory history;
    private final ImportCounters counters = new ImportCounters();
    private final CameraImportWriter writer;
    private final CameraPreparer preparer;

    public SourceUpdates(Connection connection, EntityManager entities, CameraHistory history) throws SQLException {
        this.connection = connection;
        this.entities = entities;
        this.history = history;
        this.preparer = new CameraPreparer(ImportFormat.OSM_XML.source(), CameraService.now());
        this.writer = new CameraImportWriter(connection, entities, history, preparer, counters, false);
    }

    /** Objects tagged man_made=surveillance, new or changed: created, or updated as a re-import would. */
    public void write(List<SourceObject> objects) throws SQLException {
        List<PreparedCamera> block = new ArrayList<>();
        for (SourceObject object : objects) {
            counters.read++;
            Mapping mapping = OsmTagMapper.map(object.lon(), object.lat(), object.tags(), object.stamped());
            if (mapping instanceof Mapping.Skipped skipped) {
                counters.skip(skipped.reason());
            } else if (mapping instanceof Mapping.Accepted accepted) {
                accepted.notes().forEach(counters::note);
                block.add(preparer.prepare(object, accepted.draft()));
            }
        }
        if (!block.isEmpty()) {
            writer.write(block);
        }
    }

    /**
     * Takes down the cameras of these source ids that are still in service (the others are ignored),
     * unless a volunteer edited them since their import (a conflict); their new version says why.
     */
    public void remove(Map<String, String> reasonBySourceId) throws SQLException {
        if (reasonBySourceId.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT id, source_id FROM camera WHERE source = ? "
                + "AND source_id = ANY (?) AND visible AND status <> 'removed' ORDER BY id")) {
            s.setString(1, ImportFormat.OSM_XML.source());
            s.setArray(2, connection.createArrayOf("text", reasonBySourceId.keySet().toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                    reasons.add(reasonBySourceId.get(r.getString(2)));
                }
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        writer.markRemoved(ids, reasons);
    }

    /** Merges the sous-surveillance.net cameras these OpenStreetMap objects name into them (LegacyLinks). */
    public void linkLegacy(List<String> osmSourceIds) throws SQLException {
        LegacyLinks.link(connection, entities, history, osmSourceIds);
    }

    /** What was done, as an import's report named {@code name}. */
    public ImportReport report(String name, double seconds) {
        return ImportReport.of(name, ImportFormat.OSM_XML, counters, seconds);
    }
}
