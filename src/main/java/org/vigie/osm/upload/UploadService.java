package org.vigie.osm.upload;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
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
 * (comment and created_by), one upload, closed. The {@link UploadJournal} writes the upload down
 * before it leaves and records the answer after: each camera sent is linked to its node, so that
 * the next sync sees it as the same camera. The API applies an upload whole or refuses it: a
 * conflict (409, 412) names the node at fault, which is held for review with the API's reason, and
 * the rest is uploaded again. Any other failure holds what was being sent (its outcome unknown)
 * and answers 502. One upload at a time.
 */
@ApplicationScoped
public class UploadService {

    private static final Logger LOG = Logger.getLogger(UploadService.class);
    private static final Pattern ELEMENT = Pattern.compile("(?i)\\bnode\\s+(-?\\d+)");
    /** Conflicts resolved by holding one node and sending the rest again, per upload. */
    private static final int MAX_ATTEMPTS = 20;
    private static final long UPLOAD_LOCK = 0x5649474945L; // "VIGIE"

    private final ReadyEdits ready;
    private final UploadJournal journal;
    private final OsmConfig config;
    private final EntityManager entities;

    public UploadService(ReadyEdits ready, UploadJournal journal, OsmConfig config, EntityManager entities) {
        this.ready = ready;
        this.journal = journal;
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
            journal.holdInterrupted();
            return send(comment, moderatorId, new OsmApi(config.apiUrl(), token));
        });
    }

    private UploadResult send(String comment, long moderatorId, OsmApi api) {
        List<OsmEdit> edits = new ArrayList<>(ready.list());
        if (edits.isEmpty()) {
            throw new ProblemException(409, "osm-nothing-to-send", "Nothing to send",
                    "no camera is ready for OpenStreetMap: none added, changed or deleted by volunteers who agreed to publish there");
        }
        long changeset;
        try {
            changeset = api.openChangeset(comment);
        } catch (OsmApi.Failure e) {
            throw apiFailed(e.getMessage() + "; nothing was sent");
        }
        long uploadId = journal.begin(changeset, comment, moderatorId, edits);
        List<UploadResult.Item> held = new ArrayList<>();
        List<UploadResult.Item> sent = new ArrayList<>();
        Map<Long, Map<String, String>> sentTags = new HashMap<>();
        OsmApi.Failure failure = null;
        for (int attempt = 0; !edits.isEmpty(); attempt++) {
            try {
                List<OsmApi.Placed> placed = api.upload(changeset, OsmFiles.osmChange(edits, changeset));
                Map<Long, OsmApi.Placed> byFileId = new HashMap<>();
                placed.forEach(p -> byFileId.put(p.oldId(), p));
                for (int i = 0; i < edits.size(); i++) {
                    OsmEdit e = edits.get(i);
                    OsmApi.Placed p = byFileId.get(e.fileId(i));
                    if (p == null) {
                        held.add(heldItem(e, "OpenStreetMap's answer to changeset " + changeset + " did not name this camera"));
                    } else if (e.action().equals(OsmEdit.DELETE)) {
                        sent.add(new UploadResult.Item(e.cameraId(), e.cameraVersion(), e.action(), "node/" + e.osmId(),
                                e.osmVersion(), null, null));
                    } else {
                        sentTags.put(e.cameraId(), e.tags());
                        sent.add(new UploadResult.Item(e.cameraId(), e.cameraVersion(), e.action(), "node/" + p.newId(),
                                p.newVersion(), null, null));
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
            } catch (OsmApi.Failure e) {
                // Refused, unreachable or unanswered: whether OpenStreetMap kept the upload is not known here.
                failure = e;
                String reason = e.getMessage() + ": check on openstreetmap.org whether changeset " + changeset
                        + " holds this camera, then release it if it does not";
                edits.forEach(x -> held.add(heldItem(x, reason)));
                break;
            }
        }
        try {
            api.closeChangeset(changeset);
        } catch (OsmApi.Failure e) {
            LOG.warn("changeset " + changeset + " left open (OpenStreetMap closes it within the hour): " + e.getMessage());
        }
        UploadResult result = journal.finish(uploadId, sent, held, sentTags);
        if (failure != null) {
            throw apiFailed(failure.getMessage() + "; the " + held.size() + " cameras of changeset " + changeset
                    + " are held for review");
        }
        return result;
    }

    private static ProblemException apiFailed(String detail) {
        return new ProblemException(502, "osm-api-failed", "OpenStreetMap's API failed", detail);
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
                e.osmId() == null ? null : "node/" + e.osmId(), e.osmVersion(), clipped, null);
    }
}
