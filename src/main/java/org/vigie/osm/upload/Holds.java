package org.vigie.osm.upload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.vigie.common.problem.ProblemException;
import org.vigie.common.sql.Timestamps;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Cameras held for review at their current version: OpenStreetMap refused them (a conflict with
 * an edit made there), or an upload's outcome is unknown. A moderator who has looked (at the node's
 * history, at the changeset) releases one, and it is ready to send again.
 */
@ApplicationScoped
public class Holds {

    /** One camera held: where it is, the upload and changeset, why, and since when. */
    public record Hold(long cameraId, int cameraVersion, String action, String osmId, double lon, double lat, long uploadId,
                       Long changeset, String problem, OffsetDateTime since) {
    }

    private final EntityManager entities;

    public Holds(EntityManager entities) {
        this.entities = entities;
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Hold> current() {
        List<Object[]> rows = entities.createNativeQuery("SELECT DISTINCT ON (i.camera_id) i.camera_id, i.camera_version, "
                + "i.action, i.osm_id, u.id, u.changeset_id, i.problem, u.created_at, ST_X(c.position), ST_Y(c.position) "
                + "FROM osm_upload_item i "
                + "JOIN osm_upload u ON u.id = i.upload_id JOIN camera c ON c.id = i.camera_id "
                + "WHERE i.problem IS NOT NULL AND i.released_at IS NULL AND i.camera_version = c.version "
                + "ORDER BY i.camera_id, u.id DESC").getResultList();
        List<Hold> holds = new ArrayList<>();
        for (Object[] r : rows) {
            holds.add(new Hold(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), (String) r[2], (String) r[3],
                    ((Number) r[8]).doubleValue(), ((Number) r[9]).doubleValue(), ((Number) r[4]).longValue(), r[5] == null ? null : ((Number) r[5]).longValue(), (String) r[6],
                    Timestamps.of(r[7])));
        }
        return holds;
    }

    /** The camera is ready to send again; 404 when it is not held. */
    @Transactional
    public void release(long cameraId, long moderatorId) {
        int released = entities.createNativeQuery("UPDATE osm_upload_item i SET released_at = now(), released_by = ?2 "
                        + "FROM camera c WHERE c.id = i.camera_id AND i.camera_id = ?1 AND i.problem IS NOT NULL "
                        + "AND i.released_at IS NULL AND i.camera_version = c.version")
                .setParameter(1, cameraId).setParameter(2, moderatorId).executeUpdate();
        if (released == 0) {
            throw new ProblemException(404, "osm-not-held", "Not held",
                    "camera " + cameraId + " is not held for review: nothing to release");
        }
    }
}
