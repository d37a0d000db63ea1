package org.vigie.osm.upload;

import jakarta.persistence.EntityManager;
import org.vigie.common.sql.Timestamps;

import java.util.ArrayList;
import java.util.List;

/** The uploads made, newest first, with what each sent and held: the moderation screen lists them. */
final class UploadHistory {

    private UploadHistory() {
    }

    @SuppressWarnings("unchecked")
    static List<UploadResult> recent(EntityManager entities, int limit) {
        List<Object> ids = entities.createNativeQuery("SELECT id FROM osm_upload ORDER BY id DESC LIMIT " + limit).getResultList();
        List<UploadResult> uploads = new ArrayList<>();
        for (Object id : ids) {
            uploads.add(find(entities, ((Number) id).longValue()));
        }
        return uploads;
    }

    @SuppressWarnings("unchecked")
    static UploadResult find(EntityManager entities, long id) {
        Object[] u = (Object[]) entities.createNativeQuery("SELECT u.changeset_id, u.comment, a.username, u.created_at "
                + "FROM osm_upload u LEFT JOIN account a ON a.id = u.uploaded_by WHERE u.id = ?1").setParameter(1, id).getSingleResult();
        List<Object[]> rows = entities.createNativeQuery("SELECT camera_id, camera_version, action, osm_id, osm_version, problem, "
                + "released_at "
                + "FROM osm_upload_item WHERE upload_id = ?1 ORDER BY id").setParameter(1, id).getResultList();
        List<UploadResult.Item> sent = new ArrayList<>();
        List<UploadResult.Item> held = new ArrayList<>();
        for (Object[] r : rows) {
            UploadResult.Item item = new UploadResult.Item(((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                    (String) r[2], (String) r[3], r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5],
                    r[6] == null ? null : Timestamps.of(r[6]));
            (item.problem() == null ? sent : held).add(item);
        }
        return new UploadResult(id, u[0] == null ? null : ((Number) u[0]).longValue(), (String) u[1], (String) u[2],
                Timestamps.of(u[3]), sent, held);
    }
}
