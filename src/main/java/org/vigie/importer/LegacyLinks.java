package org.vigie.importer;

import jakarta.persistence.EntityManager;
import org.vigie.camera.CameraHistory;
import org.vigie.camera.CameraWrites;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One camera, not two: sous-surveillance.net's volunteers later mapped part of their 2012 cameras
 * in OpenStreetMap, with the old id in {@code ref:sous-surveillance_net} (or {@code source:ref}).
 * Such a legacy camera is merged into the OpenStreetMap one (hidden, {@code merged_into} set, a
 * version saying why), whichever of the two was imported first; statistics and the map, which count
 * visible cameras, then count it once. A legacy camera a volunteer edited since its import is left
 * alone: hiding it would hide their work.
 */
public final class LegacyLinks {

    /** The legacy id an OpenStreetMap camera names, if any: the number ending either tag. */
    private static final String LEGACY_ID = "COALESCE(substring(o.tags->>'ref:sous-surveillance_net' FROM '(\\d+)\\D*$'), "
            + "CASE WHEN o.tags->>'source:ref' ~ '^\\s*\\d+\\s*$' OR o.tags->>'source:ref' ILIKE '%sous%surveillance%' "
            + "THEN substring(o.tags->>'source:ref' FROM '(\\d+)\\D*$') END)";

    private LegacyLinks() {
    }

    /** Links every pair in the registry (after an import); returns how many legacy cameras were merged. */
    public static int linkAll(Connection connection, EntityManager entities, CameraHistory history) throws SQLException {
        return link(connection, entities, history, null);
    }

    /** Links the pairs of these OpenStreetMap cameras (after a diff), or of all when null. */
    public static int link(Connection connection, EntityManager entities, CameraHistory history,
                           Collection<String> osmSourceIds) throws SQLException {
        if (osmSourceIds != null && osmSourceIds.isEmpty()) {
            return 0;
        }
        List<CameraWrites.ImportedDuplicate> duplicates = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT l.id, o.id, o.source_id, l.source_id FROM camera o "
                + "JOIN camera l ON l.source = 'sous-surveillance' AND l.source_id = " + LEGACY_ID
                + " AND l.visible AND l.merged_into IS NULL AND l.imported_version = l.version "
                + "WHERE o.source = 'osm' AND o.visible AND o.status <> 'removed' "
                + "AND (o.tags->>'ref:sous-surveillance_net' IS NOT NULL OR o.tags->>'source:ref' IS NOT NULL) "
                + (osmSourceIds == null ? "" : "AND o.source_id = ANY (?) ") + "ORDER BY l.id")) {
            if (osmSourceIds != null) {
                s.setArray(1, connection.createArrayOf("text", osmSourceIds.toArray()));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    duplicates.add(new CameraWrites.ImportedDuplicate(r.getLong(1), r.getLong(2),
                            "the same camera as OpenStreetMap's " + r.getString(3) + " (sous-surveillance.net id "
                                    + r.getString(4) + ")"));
                }
            }
        }
        return new CameraWrites(history, entities).mergeImportedDuplicates(duplicates);
    }
}
