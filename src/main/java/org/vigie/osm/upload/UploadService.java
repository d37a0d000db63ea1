package org.vigie.osm.upload;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import org.vigie.camera.Camera;
import org.vigie.common.problem.ProblemException;
import org.vigie.osm.OsmConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A moderator sends the ready edits with the collective's OpenStreetMap account: one changeset
 * (comment and created_by), one upload, closed. Each camera sent is then linked to its node (source
 * osm, its id and version, the tags sent), so that the next sync sees it as the same camera. The
 * API applies an upload whole or refuses it: a conflict (409, 412) names the node at fault, which is
 * held for review with the API's reason, and the rest is uploaded again. One upload at a time.
 */
@ApplicationScoped
public class UploadService {

    private static final Logger LOG = Logger.getLogger(UploadService.class);
    private static final Pattern ELEMENT = Pattern.compile("(?i)\\bnode\\s+(-?\\d+)");
    /** Conflicts resolved by holding one node and sending the rest again, per upload. */
    private static final int MAX_ATTEMPTS = 20;
    private static final long UPLOAD_LOCK = 0x5649474945L; // "VIGIE"

    private final ReadyEdits ready;
    private final OsmConfig config;
    private final EntityManager entities;

    public UploadService(ReadyEdits ready, OsmConfig config, EntityManager entities) {
        this.ready = ready;
        this.config = config;
        this.entities = entities;
    }

    public UploadResult upload(String comment, long moderatorId) {
        String token = config.apiToken().filter(t -> !t.isBlank()).orElseThrow(() -> new ProblemException(409,
                "osm-upload-not-configured", "Uploads to OpenStreetMap are not configured",
                "the instance has no OpenStreetMap token (vigie.osm.api-token): download the file and upload it with JOSM"));
        return QuarkusTransaction.requiringNew().timeout(900).call(() -> {
            // Held to the end: a second upload at once would send the same cameras twice.
            boolean locked = (Boolean) entities.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, UPLOAD_LOCK).getSingleResult();
            if (!locked) {
                throw new ProblemException(409, "osm-upload-under-way", "An upload is under way",
                        "another moderator is uploading to OpenStreetMap: try again in a minute");
            }
            return send(comment, moderatorId, new OsmApi(config.apiUrl(), token));
        });
    }

    private UploadResult send(String comment, long moderatorId, OsmApi api) {
        List<OsmEdit> edits = new ArrayList<>(ready.list());
        if (edits.isEmpty()) {
            throw new ProblemException(409, "osm-nothing-to-send", "Nothing to send",
                    "no camera is ready for OpenStreetMap: none added or changed by volunteers who agreed to publish there");
        }
        long changeset = api.openChangeset(comment);
        List<UploadResult.Item> held = new ArrayList<>();
        List<UploadResult.Item> sent = new ArrayList<>();
        Map<Long, Map<String, String>> sentTags = new HashMap<>();
        for (int attempt = 0; !edits.isEmpty(); attempt++) {
            try {
                List<OsmApi.Placed> placed = api.upload(changeset, OsmFiles.osmChange(edits, changeset));
                Map<Long, OsmApi.Placed> byFileId = new HashMap<>();
                placed.forEach(p -> byFileId.put(p.oldId(), p));
                for (int i = 0; i < edits.size(); i++) {
                    OsmEdit e = edits.get(i);
                    OsmApi.Placed p = byFileId.get(e.fileId(i));
                    if (p != null) {
                        sentTags.put(e.cameraId(), e.tags());
                        sent.add(new UploadResult.Item(e.cameraId(), e.cameraVersion(), e.action(), "node/" + p.newId(),
                                p.newVersion(), null));
                    }
                }
                break;
            } catch (OsmApi.Conflict conflict) {
                Optional<Integer> culprit = culprit(conflict.getMessage(), edits);
                String reason = "OpenStreetMap refused it (" + conflict.status + "): " + conflict.getMessage();
                if (culprit.isEmpty() || attempt >= MAX_ATTEMPTS) {
                    edits.forEach(e -> held.add(heldItem(e, reason)));
                    break;
                }
                held.add(heldItem(edits.remove((int) culprit.get()), reason));
            }
        }
        try {
            api.closeChangeset(changeset);
        } catch (OsmApi.Failure e) {
            LOG.warn("changeset " + changeset + " left open (OpenStreetMap closes it within the hour): " + e.getMessage());
        }
        return record(comment, moderatorId, changeset, sent, held, sentTags);
    }

    /** The edit a conflict's message names ("... of Node 123", "Node -1 ..."). */
    private static Optional<Integer> culprit(String message, List<OsmEdit> edits) {
        Matcher m = ELEMENT.matcher(message);
        while (m.find()) {
            long id = Long.parseLong(m.group(1));
            for (int i = 0; i < edits.size(); i++) {
                if (edits.get(i).fileId(i) == id) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    private static UploadResult.Item heldItem(OsmEdit e, String reason) {
        String clipped = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        return new UploadResult.Item(e.cameraId(), e.cameraVersion(), e.action(),
                e.osmId() == null ? null : "node/" + e.osmId(), e.osmVersion(), clipped);
    }

    private UploadResult record(String comment, long moderatorId, long changeset, List<UploadResult.Item> sent,
                                List<UploadResult.Item> held, Map<Long, Map<String, String>> sentTags) {
        long uploadId = ((Number) entities.createNativeQuery("INSERT INTO osm_upload (changeset_id, comment, uploaded_by) "
                + "VALUES (?1, ?2, ?3) RETURNING id").setParameter(1, changeset).setParameter(2, comment)
                .setParameter(3, moderatorId).getSingleResult()).longValue();
        List<UploadResult.Item> all = new ArrayList<>(sent);
        all.addAll(held);
        for (UploadResult.Item item : all) {
            entities.createNativeQuery("INSERT INTO osm_upload_item (upload_id, camera_id, camera_version, action, osm_id, "
                            + "osm_version, problem) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, uploadId).setParameter(2, item.cameraId()).setParameter(3, item.cameraVersion())
                    .setParameter(4, item.action()).setParameter(5, item.osmId()).setParameter(6, item.osmVersion())
                    .setParameter(7, item.problem()).executeUpdate();
        }
        for (UploadResult.Item item : sent) {
            link(item, sentTags.get(item.cameraId()));
        }
        entities.flush();
        return UploadHistory.find(entities, uploadId);
    }

    /**
     * The camera is now that node: the sync and imports update it as any camera from OpenStreetMap,
     * and an edit made after the version sent still shows as an edit to send.
     */
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
