package org.vigie.osm.upload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.vigie.camera.Camera;
import org.vigie.camera.attribute.CameraStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What volunteers added, changed or deleted that OpenStreetMap lacks, and may receive: cameras
 * added by volunteers; nodes from OpenStreetMap that volunteers edited since; and nodes that
 * volunteers deleted, reported gone until the camera was marked removed, or that a moderator settled
 * as removed. Only when every volunteer who wrote those versions, reported it gone, or settled it,
 * agreed to publish in OpenStreetMap (osmConsent). Not sent: cameras hidden or merged; a camera
 * held for review at its current version (OpenStreetMap refused it, or an upload's outcome is
 * unknown) until a moderator releases it or a volunteer edits it again; a camera in an upload still
 * being sent.
 */
@ApplicationScoped
public class ReadyEdits {

    /** At most this many per file or upload: OpenStreetMap's changesets hold 10,000 elements. */
    public static final int MAX = 5000;

    /**
     * Keys that make a node something besides a camera (a street lamp, a shop): such a node loses its
     * surveillance tags rather than being deleted.
     */
    private static final Set<String> OTHER_FEATURES = Set.of("amenity", "building", "highway", "shop", "tourism",
            "leisure", "power", "railway", "public_transport", "emergency", "barrier", "advertising", "historic",
            "office", "craft", "natural", "landuse", "waterway", "aeroway", "place", "traffic_sign", "entrance");

    private static final String NOT_HELD = "AND NOT EXISTS (SELECT 1 FROM osm_upload_item i JOIN osm_upload u ON u.id = i.upload_id "
            + "  WHERE i.camera_id = c.id AND i.camera_version = c.version AND i.released_at IS NULL "
            + "  AND (i.problem IS NOT NULL OR u.state = 'sending')) ";
    /** Every version written since the import by an account that agreed to publish in OpenStreetMap. */
    private static final String CONSENTED = "AND NOT EXISTS (SELECT 1 FROM camera_version v LEFT JOIN account a ON a.id = v.author_id "
            + "  WHERE v.camera_id = c.id AND v.version > COALESCE(c.imported_version, 0) "
            + "  AND (a.id IS NULL OR NOT a.osm_consent)) ";
    private static final String GONE_REPORT = "SELECT 1 FROM camera_report r JOIN account a ON a.id = r.account_id "
            + "WHERE r.camera_id = c.id AND r.reason = 'gone' AND r.resolved_at IS NULL AND r.counted ";

    /**
     * The camera's last settling by a moderator (ModerationService.resolve, in the moderation log) made
     * it removed, the moderator agreed to publish in OpenStreetMap (their decision is what is sent, as
     * a moderator's deletion is), and so did every volunteer whose "gone" report a settling closed as
     * removed. Parameter 1: the status "removed", as the log's facts hold it.
     */
    private static final String SETTLED_REMOVED = "AND EXISTS (SELECT 1 FROM (SELECT l.moderator_id, l.facts ->> 'status' AS settled FROM moderation_log l "
            + "    WHERE l.camera_id = c.id AND l.action = 'resolve' ORDER BY l.id DESC LIMIT 1) s "
            + "  JOIN account m ON m.id = s.moderator_id WHERE s.settled = ?1 AND m.osm_consent) "
            + "AND NOT EXISTS (SELECT 1 FROM camera_report r JOIN account a ON a.id = r.account_id "
            + "  WHERE r.camera_id = c.id AND r.reason = 'gone' AND r.resolution = 'removed' AND NOT a.osm_consent) ";

    private final EntityManager entities;

    public ReadyEdits(EntityManager entities) {
        this.entities = entities;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<OsmEdit> list() {
        List<Object[]> rows = entities.createNativeQuery("SELECT c.id, "
                        + "(SELECT v.snapshot->'geometry'->'coordinates' FROM camera_version v WHERE v.camera_id = c.id "
                        + "AND v.version = c.imported_version)::text, "
                        + "(SELECT v.action FROM camera_version v WHERE v.camera_id = c.id AND v.version = c.version) "
                        + "FROM camera c WHERE c.merged_into IS NULL AND ("
                        // added or changed
                        + "  (c.visible AND c.status <> 'removed' "
                        + "   AND ((c.source = 'volunteer' AND c.created_by IS NOT NULL) "
                        + "     OR (c.source = 'osm' AND c.source_id LIKE 'node/%' AND c.version > c.imported_version)) "
                        + "   " + CONSENTED + ") "
                        // deleted by its author or a moderator
                        + "  OR (NOT c.visible AND c.source = 'osm' AND c.source_id LIKE 'node/%' AND c.version > c.imported_version "
                        + "   AND (SELECT v.action FROM camera_version v WHERE v.camera_id = c.id AND v.version = c.version) = 'delete' "
                        + "   " + CONSENTED + ") "
                        // reported gone until removed, by volunteers who all agreed
                        // (once sent, a node deleted is named by its upload, a lamp post stripped loses man_made)
                        + "  OR (c.visible AND c.status = 'removed' AND c.source = 'osm' AND c.source_id LIKE 'node/%' "
                        + "   AND c.tags->>'man_made' = 'surveillance' "
                        + "   AND EXISTS (" + GONE_REPORT + ") AND NOT EXISTS (" + GONE_REPORT + "AND NOT a.osm_consent)) "
                        // settled as removed by a moderator (with or without "gone" reports): see SETTLED_REMOVED
                        + "  OR (c.visible AND c.status = 'removed' AND c.source = 'osm' AND c.source_id LIKE 'node/%' "
                        + "   AND c.tags->>'man_made' = 'surveillance' " + SETTLED_REMOVED + ") "
                        + ") " + NOT_HELD
                        + "AND NOT EXISTS (SELECT 1 FROM osm_upload_item i WHERE i.camera_id = c.id AND i.action = 'delete' "
                        + "  AND i.problem IS NULL) "
                        + "ORDER BY c.updated_at, c.id LIMIT " + MAX)
                .setParameter(1, CameraStatus.REMOVED.wire())
                .getResultList();
        List<OsmEdit> edits = new ArrayList<>();
        for (Object[] row : rows) {
            Camera c = entities.find(Camera.class, ((Number) row[0]).longValue());
            double lon = c.position.getX();
            double lat = c.position.getY();
            boolean gone = !c.visible || c.status == CameraStatus.REMOVED;
            if (gone) {
                edits.add(removal(c, lon, lat));
                continue;
            }
            Map<String, String> tags = OsmTagWriter.tags(c);
            if (Camera.SOURCE_OSM.equals(c.source)) {
                if (tags.equals(c.tags) && samePosition((String) row[1], lon, lat)) {
                    continue; // only Vigie-only fields changed: nothing for OpenStreetMap
                }
                edits.add(new OsmEdit(c.id, c.version, OsmEdit.MODIFY, osmId(c), c.sourceVersion, lon, lat, tags));
            } else {
                edits.add(new OsmEdit(c.id, c.version, OsmEdit.CREATE, null, null, lon, lat, tags));
            }
        }
        entities.clear();
        return edits;
    }

    /**
     * The camera is gone: its node is deleted, where OpenStreetMap had it. A node that is something
     * else as well (a lamp post carrying the camera) keeps that, and loses its surveillance tags.
     */
    private static OsmEdit removal(Camera c, double lon, double lat) {
        Map<String, String> tags = c.tags == null ? Map.of() : c.tags;
        if (tags.keySet().stream().noneMatch(OTHER_FEATURES::contains)
                && (!tags.containsKey("man_made") || "surveillance".equals(tags.get("man_made")))) {
            return new OsmEdit(c.id, c.version, OsmEdit.DELETE, osmId(c), c.sourceVersion, lon, lat, tags);
        }
        Map<String, String> kept = new TreeMap<>(tags);
        kept.keySet().removeIf(k -> k.equals("surveillance") || k.startsWith("surveillance:") || k.startsWith("camera:"));
        kept.remove("man_made", "surveillance");
        return new OsmEdit(c.id, c.version, OsmEdit.MODIFY, osmId(c), c.sourceVersion, lon, lat, kept);
    }

    private static long osmId(Camera c) {
        return Long.parseLong(c.sourceId.substring("node/".length()));
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
