package org.vigie.osm.upload;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.vigie.camera.Camera;

import java.util.List;
import java.util.Map;

/**
 * What an upload sends is written down, and committed, before the osmChange leaves, and
 * OpenStreetMap's answer is recorded in a transaction of its own as soon as it comes back. Sending
 * and recording cannot be one transaction (OpenStreetMap is another system): this is what makes a
 * crash in between harmless. An upload found still sending by the next one was cut short, so its
 * cameras are held "outcome unknown" for a moderator to check the changeset, instead of being sent
 * twice (a duplicate node in OpenStreetMap) or forgotten.
 */
@ApplicationScoped
class UploadJournal {

    static final String INTERRUPTED = "Vigie stopped before recording OpenStreetMap's answer to changeset %s: "
            + "check on openstreetmap.org whether the changeset holds this camera, then release it if it does not";

    private final EntityManager entities;

    UploadJournal(EntityManager entities) {
        this.entities = entities;
    }

    /** Holds the cameras of uploads cut short; called under the upload lock, so none of them is still running. */
    void holdInterrupted() {
        QuarkusTransaction.requiringNew().run(() -> {
            entities.createNativeQuery("UPDATE osm_upload_item i SET problem = format(?1, u.changeset_id) FROM osm_upload u "
                    + "WHERE u.id = i.upload_id AND u.state = 'sending' AND i.problem IS NULL").setParameter(1, INTERRUPTED)
                    .executeUpdate();
            entities.createNativeQuery("UPDATE osm_upload SET state = 'done' WHERE state = 'sending'").executeUpdate();
        });
    }

    /** The upload and its cameras, committed before anything is sent. */
    long begin(long changeset, String comment, long moderatorId, List<OsmEdit> edits) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long uploadId = ((Number) entities.createNativeQuery("INSERT INTO osm_upload (changeset_id, comment, uploaded_by, "
                            + "state) VALUES (?1, ?2, ?3, 'sending') RETURNING id").setParameter(1, changeset)
                    .setParameter(2, comment).setParameter(3, moderatorId).getSingleResult()).longValue();
            for (OsmEdit e : edits) {
                entities.createNativeQuery("INSERT INTO osm_upload_item (upload_id, camera_id, camera_version, action, osm_id, "
                                + "osm_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                        .setParameter(1, uploadId).setParameter(2, e.cameraId()).setParameter(3, e.cameraVersion())
                        .setParameter(4, e.action()).setParameter(5, e.osmId() == null ? null : "node/" + e.osmId())
                        .setParameter(6, e.osmVersion()).executeUpdate();
            }
            return uploadId;
        });
    }

    /**
     * OpenStreetMap's answer: each camera sent gets its node (a created or modified camera is now
     * that node, so that the next sync sees it as the same camera), each held one the reason.
     */
    UploadResult finish(long uploadId, List<UploadResult.Item> sent, List<UploadResult.Item> held,
                        Map<Long, Map<String, String>> sentTags) {
        return QuarkusTransaction.requiringNew().call(() -> {
            for (UploadResult.Item item : sent) {
                item(uploadId, item);
                if (!item.action().equals(OsmEdit.DELETE)) {
                    link(item, sentTags.get(item.cameraId()));
                }
            }
            for (UploadResult.Item item : held) {
                item(uploadId, item);
            }
            entities.createNativeQuery("UPDATE osm_upload SET state = 'done' WHERE id = ?1").setParameter(1, uploadId)
                    .executeUpdate();
            entities.flush();
            return UploadHistory.find(entities, uploadId);
        });
    }

    private void item(long uploadId, UploadResult.Item item) {
        entities.createNativeQuery("UPDATE osm_upload_item SET osm_id = ?3, osm_version = ?4, problem = ?5 "
                        + "WHERE upload_id = ?1 AND camera_id = ?2")
                .setParameter(1, uploadId).setParameter(2, item.cameraId()).setParameter(3, item.osmId())
                .setParameter(4, item.osmVersion()).setParameter(5, item.problem()).executeUpdate();
    }

    /** An edit made after the version sent still shows as an edit to send. */
    private void link(UploadResult.Item item, Map<String, String> tags) {
        Camera camera = entities.find(Camera.class, item.cameraId(), LockModeType.PESSIMISTIC_WRITE);
        camera.tags = tags;
        camera.source = Camera.SOURCE_OSM;
        camera.sourceId = item.osmId();
        camera.sourceVersion = item.osmVersion();
        camera.sourceHash = null;
        camera.importedVersion = item.cameraVersion();
    }
}
