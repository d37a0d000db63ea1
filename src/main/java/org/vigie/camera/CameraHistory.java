package org.vigie.camera;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigie.account.Account;
import org.vigie.camera.rest.CameraFeature;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Appends one {@link CameraVersion} per write, with the full state and the fields that changed.
 * Called by {@link CameraWrites} alone, the one write path (and the importer, for its new cameras' version 1).
 */
@ApplicationScoped
public class CameraHistory {

    /** Writes snapshots as the history stores them ({@link CameraSnapshots}). */
    private final ObjectMapper stored;

    public CameraHistory(ObjectMapper json) {
        this.stored = CameraSnapshots.writer(json);
    }

    /** A version written by no account: an import. */
    void record(Camera camera, CameraVersion.Action action) {
        record(camera, action, null);
    }

    /** A version written by the account with this id (null for none). */
    void record(Camera camera, CameraVersion.Action action, Long authorId) {
        record(camera, action, authorId, false);
    }

    /**
     * A version written by the account with this id (null for none); {@code visibilityChanged} when
     * the version also shows or hides the camera (a revert past a deletion or creation).
     */
    void record(Camera camera, CameraVersion.Action action, Long authorId, boolean visibilityChanged) {
        record(camera, action, authorId, visibilityChanged, null, false);
    }

    /**
     * The same, with why the version was written (an import's removal or merge says it; null for none);
     * {@code authorisationDropped} when a camera shown again lost the authorisation deleted meanwhile
     * (WatchFacts.dropDeletedAuthorisation), which a restore, otherwise a change of visibility only, then also changed.
     */
    void record(Camera camera, CameraVersion.Action action, Long authorId, boolean visibilityChanged, String reason,
                boolean authorisationDropped) {
        CameraVersion entry = entry(camera, action);
        entry.reason = reason;
        entry.author = authorId == null ? null : Account.getEntityManager().getReference(Account.class, authorId);
        if (action.changesVisibilityOnly()) {
            entry.changedFields = authorisationDropped ? new String[] {"authorisation", "visible"} : new String[] {"visible"};
        } else {
            TreeSet<String> changed = changedFields(camera.id, camera.version, entry.snapshot,
                    action != CameraVersion.Action.IMPORT);
            if (visibilityChanged) {
                changed.add("visible");
            }
            entry.changedFields = changed.toArray(String[]::new);
        }
        entry.persist();
    }

    /**
     * The camera as its history stores it: its GeoJSON Feature, as the API shows it, without the field
     * of view, less what {@link CameraSnapshots} leaves out.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> snapshot(Camera camera) {
        return stored.convertValue(CameraFeature.of(camera, false), Map.class);
    }

    /** {@link #snapshot} as JSON, for a writer that stores history rows in bulk (the importer's version 1). */
    public byte[] snapshotJson(Camera camera) {
        try {
            return stored.writeValueAsBytes(CameraFeature.of(camera, false));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a camera's snapshot is always JSON", e);
        }
    }

    @SuppressWarnings("unchecked")
    private CameraVersion entry(Camera camera, CameraVersion.Action action) {
        CameraVersion entry = new CameraVersion();
        entry.cameraId = camera.id;
        entry.version = camera.version;
        entry.action = action.name().toLowerCase(Locale.ROOT);
        entry.createdAt = camera.updatedAt;
        entry.snapshot = snapshot(camera);
        return entry;
    }

    @SuppressWarnings("unchecked")
    private TreeSet<String> changedFields(long cameraId, int version, Map<String, Object> snapshot,
                                          boolean statusIsVolunteers) {
        TreeSet<String> changed = new TreeSet<>();
        if (version == 1) {
            return changed;
        }
        CameraVersion previous = CameraVersion.find("cameraId = ?1 and version = ?2", cameraId, version - 1).firstResult();
        if (previous == null) {
            return changed;
        }
        Map<String, Object> before = (Map<String, Object>) previous.wholeSnapshot().get("properties");
        Map<String, Object> after = (Map<String, Object>) CameraSnapshots.expand(snapshot).get("properties");
        if (!Objects.equals(previous.snapshot.get("geometry"), snapshot.get("geometry"))) {
            changed.add("geometry");
        }
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        // The city is derived from the position (and from boundary imports that write no version), the
        // confirmations and, but for an import's removal, the status from volunteers' confirmations and
        // reports, which write no version either: never the editor's doing.
        keys.removeAll(java.util.Set.of("version", "updatedAt", "createdAt", "city", "confirmations",
                "lastConfirmedAt", "toRecheck"));
        // An import sets the status only to remove a camera gone from its source, or to bring one back.
        boolean importsRemoval = !statusIsVolunteers
                && ("removed".equals(before.get("status")) || "removed".equals(after.get("status")));
        if (!importsRemoval) {
            keys.remove("status");
        }
        for (String key : keys) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                changed.add(key);
            }
        }
        return changed;
    }
}
