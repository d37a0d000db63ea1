package org.vigie.camera;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigie.account.Account;
import org.vigie.camera.attribute.CameraStatus;
import org.vigie.camera.rest.CameraFeature;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Appends one {@link CameraVersion} per write, with the full state and the fields that changed. */
@ApplicationScoped
public class CameraHistory {

    private final ObjectMapper json;

    public CameraHistory(ObjectMapper json) {
        this.json = json;
    }

    /** A version written by no account: an import. */
    public void record(Camera camera, CameraVersion.Action action) {
        record(camera, action, null);
    }

    /** A version written by the account with this id (null for none). */
    public void record(Camera camera, CameraVersion.Action action, Long authorId) {
        record(camera, action, authorId, false);
    }

    /**
     * A version written by the account with this id (null for none); {@code visibilityChanged} when
     * the version also shows or hides the camera (a revert past a deletion or creation).
     */
    public void record(Camera camera, CameraVersion.Action action, Long authorId, boolean visibilityChanged) {
        CameraVersion entry = entry(camera, action);
        entry.author = authorId == null ? null : Account.getEntityManager().getReference(Account.class, authorId);
        if (action.changesVisibilityOnly()) {
            entry.changedFields = new String[] {"visible"};
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
     * A bulk import writes no history row for the version 1 it creates (a million snapshots cost a
     * third of the import): until the camera first changes, its row is that version. Called with
     * the camera locked, before a change: copies the imported version into the history while the
     * row still holds it.
     */
    public void keepImportedVersion(Camera camera) {
        if (mayHoldUnrecordedImport(camera) && CameraVersion.count("cameraId = ?1 and version = 1", camera.id) == 0) {
            importedVersion(camera).persist();
        }
    }

    /** Every version of the camera, oldest first, its imported version 1 included when only its row holds it. */
    public List<CameraVersion> of(Camera camera) {
        List<CameraVersion> versions = CameraVersion.of(camera.id);
        return versions.isEmpty() && mayHoldUnrecordedImport(camera) ? List.of(importedVersion(camera)) : versions;
    }

    private static boolean mayHoldUnrecordedImport(Camera camera) {
        return camera.version == 1 && Integer.valueOf(1).equals(camera.importedVersion);
    }

    @SuppressWarnings("unchecked")
    private CameraVersion importedVersion(Camera camera) {
        CameraVersion entry = entry(camera, CameraVersion.Action.IMPORT);
        entry.changedFields = new String[0];
        // Confirmations and reports change the row without a version: the import wrote a new,
        // unconfirmed camera, and that is what its version 1 shows, however late it is copied.
        Map<String, Object> properties = (Map<String, Object>) entry.snapshot.get("properties");
        properties.put("status", CameraStatus.REPORTED.wire());
        properties.put("confirmations", 0);
        properties.put("lastConfirmedAt", null);
        return entry;
    }

    @SuppressWarnings("unchecked")
    private CameraVersion entry(Camera camera, CameraVersion.Action action) {
        CameraVersion entry = new CameraVersion();
        entry.cameraId = camera.id;
        entry.version = camera.version;
        entry.action = action.name().toLowerCase(Locale.ROOT);
        entry.createdAt = camera.updatedAt;
        entry.snapshot = json.convertValue(CameraFeature.of(camera, false), Map.class);
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
        Map<String, Object> before = (Map<String, Object>) previous.snapshot.get("properties");
        Map<String, Object> after = (Map<String, Object>) snapshot.get("properties");
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
