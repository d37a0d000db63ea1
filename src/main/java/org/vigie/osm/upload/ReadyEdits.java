package org.vigie.osm.upload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.vigie.camera.Camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What volunteers added or changed that OpenStreetMap lacks, and may receive: cameras added by
 * volunteers, and nodes from OpenStreetMap that volunteers edited since, when every volunteer who
 * wrote those versions agreed to publish in OpenStreetMap (osmConsent). Cameras taken down,
 * hidden or merged are not sent; nor is a camera held for review at its current version (the
 * OpenStreetMap API refused it), until a volunteer edits it again.
 */
@ApplicationScoped
public class ReadyEdits {

    /** At most this many per file or upload: OpenStreetMap's changesets hold 10,000 elements. */
    public static final int MAX = 5000;

    private final EntityManager entities;

    public ReadyEdits(EntityManager entities) {
        this.entities = entities;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<OsmEdit> list() {
        List<Object[]> rows = entities.createNativeQuery("SELECT c.id, "
                        + "(SELECT v.snapshot->'geometry'->'coordinates' FROM camera_version v WHERE v.camera_id = c.id "
                        + "AND v.version = c.imported_version)::text FROM camera c "
                        + "WHERE c.visible AND c.merged_into IS NULL AND c.status <> 'removed' "
                        + "AND ((c.source = 'volunteer' AND c.created_by IS NOT NULL) "
                        + "  OR (c.source = 'osm' AND c.source_id LIKE 'node/%' AND c.version > c.imported_version)) "
                        + "AND NOT EXISTS (SELECT 1 FROM camera_version v LEFT JOIN account a ON a.id = v.author_id "
                        + "  WHERE v.camera_id = c.id AND v.version > COALESCE(c.imported_version, 0) "
                        + "  AND (a.id IS NULL OR NOT a.osm_consent)) "
                        + "AND NOT EXISTS (SELECT 1 FROM osm_upload_item i WHERE i.camera_id = c.id "
                        + "  AND i.camera_version = c.version AND i.problem IS NOT NULL) "
                        + "ORDER BY c.updated_at, c.id LIMIT " + MAX)
                .getResultList();
        List<OsmEdit> edits = new ArrayList<>();
        for (Object[] row : rows) {
            Camera c = entities.find(Camera.class, ((Number) row[0]).longValue());
            Map<String, String> tags = OsmTagWriter.tags(c);
            double lon = c.position.getX();
            double lat = c.position.getY();
            if (Camera.SOURCE_OSM.equals(c.source)) {
                if (tags.equals(c.tags) && samePosition((String) row[1], lon, lat)) {
                    continue; // only Vigie-only fields changed: nothing for OpenStreetMap
                }
                edits.add(new OsmEdit(c.id, c.version, UploadAction.MODIFY.wire(), Long.parseLong(c.sourceId.substring(5)),
                        c.sourceVersion, lon, lat, tags));
            } else {
                edits.add(new OsmEdit(c.id, c.version, UploadAction.CREATE.wire(), null, null, lon, lat, tags));
            }
        }
        entities.clear();
        return edits;
    }

    /** Whether the imported version's coordinates ("[lon, lat]") are these, to the 7 decimals OpenStreetMap keeps. */
    private static boolean samePosition(String imported, double lon, double lat) {
        if (imported == null) {
            return false;
        }
        String[] parts = imported.replaceAll("[\\[\\] ]", "").split(",");
        return parts.length == 2 && Math.round(Double.parseDouble(parts[0]) * 1e7) == Math.round(lon * 1e7)
                && Math.round(Double.parseDouble(parts[1]) * 1e7) == Math.round(lat * 1e7);
    }
}
