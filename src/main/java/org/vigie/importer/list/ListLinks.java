package org.vigie.importer.list;

import jakarta.persistence.EntityManager;
import org.vigie.camera.Camera;
import org.vigie.camera.CameraHistory;
import org.vigie.camera.CameraWrites;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One camera, not two, for official lists: a row of a list within the match distance of a camera of
 * the same kind already known from another source (OpenStreetMap, volunteers, another list) is that
 * camera. The list's camera is merged into it (hidden, {@code merged_into} set, a version saying how
 * far they were), as {@link org.vigie.importer.LegacyLinks} does for legacy cameras; importing the
 * list again finds the merged row unchanged. A list camera a volunteer edited is left alone. The
 * camera kept takes the list's date of commissioning when it is earlier (CameraWrites), whichever
 * was imported first: after another source's import, {@link #linkEveryList} links the lists already
 * there.
 */
public final class ListLinks {

    /** Degrees that surely cover the distance in metres at any latitude a list is found at (below 75°). */
    private static final double DEGREES_PER_METRE_BOUND = 1 / (111_320.0 * Math.cos(Math.toRadians(75)));

    private ListLinks() {
    }

    /** Merges the list's cameras lying within its match distance of a known camera; returns how many. */
    public static int link(Connection connection, EntityManager entities, CameraHistory history, ListOptions list)
            throws SQLException {
        return link(connection, entities, history, list.source(), list.matchDistance());
    }

    /**
     * After an import of another source (OpenStreetMap, the legacy archive): the cameras of every list
     * already imported that lie near a camera now known are that camera, as if the list came second.
     * A list's own match distance is not kept, so the default one applies; importing the list again
     * applies its own. Returns how many were merged.
     */
    public static int linkEveryList(Connection connection, EntityManager entities, CameraHistory history)
            throws SQLException {
        List<String> lists = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT DISTINCT source FROM camera "
                + "WHERE source <> ALL (?) AND visible AND merged_into IS NULL ORDER BY source")) {
            s.setArray(1, connection.createArrayOf("text", new String[] {Camera.SOURCE_OSM, Camera.SOURCE_VOLUNTEER,
                    Camera.SOURCE_SOUS_SURVEILLANCE}));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    lists.add(r.getString(1));
                }
            }
        }
        int linked = 0;
        for (String source : lists) {
            linked += link(connection, entities, history, source, ListOptions.DEFAULT_MATCH_DISTANCE);
        }
        return linked;
    }

    private static int link(Connection connection, EntityManager entities, CameraHistory history, String source,
                            double matchDistance) throws SQLException {
        List<CameraWrites.ImportedDuplicate> duplicates = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT l.id, k.id, k.source, k.source_id, k.metres "
                + "FROM camera l CROSS JOIN LATERAL (SELECT k.id, k.source, k.source_id, "
                + "ST_Distance(k.position::geography, l.position::geography) AS metres FROM camera k "
                + "WHERE k.source <> l.source AND k.visible AND k.merged_into IS NULL AND k.status <> 'removed' "
                + "AND k.kind = l.kind AND ST_DWithin(k.position, l.position, ?) "
                + "AND ST_DWithin(k.position::geography, l.position::geography, ?) ORDER BY metres, k.id LIMIT 1) k "
                + "WHERE l.source = ? AND l.visible AND l.merged_into IS NULL AND l.imported_version = l.version ORDER BY l.id")) {
            s.setDouble(1, matchDistance * DEGREES_PER_METRE_BOUND);
            s.setDouble(2, matchDistance);
            s.setString(3, source);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String reason = String.format(Locale.ROOT, "the same camera as %s %s, %.1f m away (list %s, match distance %.0f m)",
                            r.getString(3), r.getString(4) == null ? "#" + r.getLong(2) : r.getString(4), r.getDouble(5),
                            source, matchDistance);
                    duplicates.add(new CameraWrites.ImportedDuplicate(r.getLong(1), r.getLong(2), reason));
                }
            }
        }
        return new CameraWrites(history, entities).mergeImportedDuplicates(duplicates);
    }
}
