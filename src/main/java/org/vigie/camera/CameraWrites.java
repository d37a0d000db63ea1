package org.vigie.camera;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.util.List;

/**
 * The one way a camera gets a new version: every writer (edits, deletions, reverts, moderation,
 * merges, mass reverts, imports) locks the row first ({@link CameraService#lock}), checks the version
 * its client saw where there is one, changes the entity, then calls {@link #newVersion}, which
 * numbers the version, stores it, reads back what the database derives and appends the history row.
 * New cameras start at version 1 with their history row ({@link #created}; the importer writes its
 * version 1 rows in bulk, CameraImportWriter). So every version of every camera has its history row
 * (OneWritePathTest checks it over the whole registry); nothing else may raise a version.
 */
@ApplicationScoped
public class CameraWrites {

    private final CameraHistory history;
    private final EntityManager entities;

    public CameraWrites(CameraHistory history, EntityManager entities) {
        this.history = history;
        this.entities = entities;
    }

    /** A camera just persisted as version 1 by {@code authorId} (null for an import). */
    public void created(Camera camera, CameraVersion.Action action, Long authorId) {
        if (camera.version != 1) {
            throw new IllegalStateException("camera " + camera.id + " is created at version 1, not " + camera.version);
        }
        camera.flush();
        CameraService.readDerivedColumns(camera);
        history.record(camera, action, authorId);
    }

    /** The changes made to the locked {@code camera} become its next version, by {@code authorId} (null for none). */
    public void newVersion(Camera camera, CameraVersion.Action action, Long authorId) {
        newVersion(camera, action, authorId, false);
    }

    /**
     * The same; {@code visibilityChanged} when the version also shows or hides the camera (a revert
     * past a deletion or creation).
     */
    public void newVersion(Camera camera, CameraVersion.Action action, Long authorId, boolean visibilityChanged) {
        write(camera, action, authorId, visibilityChanged, null);
    }

    /** The same, with why it was written, kept in the history (an import's removal or merge). */
    public void newVersion(Camera camera, CameraVersion.Action action, Long authorId, String reason) {
        write(camera, action, authorId, false, reason);
    }

    /** A camera an import found to repeat another: {@code cameraId} is hidden as merged into {@code intoId}. */
    public record ImportedDuplicate(long cameraId, long intoId, String reason) {
    }

    /**
     * Hides each imported duplicate as merged into the camera it repeats: a MERGE version by no
     * account, which says why and stays the import's doing ({@code importedVersion}), so that a
     * later import still finds the row unchanged. A duplicate a volunteer edited since its import
     * (possibly after the caller chose it) is left alone: hiding it would hide their work. The
     * camera kept takes the duplicate's {@code firstSeen} when it is earlier ({@link #takeEarlierFirstSeen}).
     * Empties the session at the end; returns how many were merged.
     */
    public int mergeImportedDuplicates(List<ImportedDuplicate> duplicates) {
        int merged = 0;
        for (ImportedDuplicate d : duplicates) {
            Camera camera = entities.find(Camera.class, d.cameraId(), LockModeType.PESSIMISTIC_WRITE);
            if (camera == null || !camera.visible || camera.importedVersion == null || camera.version != camera.importedVersion) {
                continue;
            }
            camera.visible = false;
            camera.mergedInto = d.intoId();
            camera.importedVersion = camera.version + 1;
            write(camera, CameraVersion.Action.MERGE, null, false, d.reason());
            takeEarlierFirstSeen(camera, d.intoId());
            merged++;
        }
        entities.flush();
        entities.clear();
        return merged;
    }

    /**
     * Issue 17: one camera seen by two sources was first seen at the earlier of their days (a 2012
     * legacy record, an official list's date of commissioning, before the OpenStreetMap node), in
     * whichever order they were imported. The kept camera gets a version for it, by no account, saying
     * where the day comes from; it stays the import's doing if it was (a later import still finds it
     * unchanged), and a volunteer's camera keeps its other values. A later version of either source
     * never makes it later again (CameraImportWriter keeps the earliest).
     */
    private void takeEarlierFirstSeen(Camera duplicate, long intoId) {
        if (duplicate.firstSeen == null) {
            return;
        }
        Camera kept = entities.find(Camera.class, intoId, LockModeType.PESSIMISTIC_WRITE);
        if (kept == null || kept.firstSeen != null && !duplicate.firstSeen.isBefore(kept.firstSeen)) {
            return;
        }
        boolean importsOwn = kept.importedVersion != null && kept.importedVersion == kept.version;
        kept.firstSeen = duplicate.firstSeen;
        if (importsOwn) {
            kept.importedVersion = kept.version + 1;
        }
        write(kept, CameraVersion.Action.IMPORT, null, false, "first seen " + duplicate.firstSeen + " by "
                + (duplicate.sourceId == null ? duplicate.source : duplicate.source + " " + duplicate.sourceId)
                + ", the same camera (merged into this one)");
    }

    private void write(Camera camera, CameraVersion.Action action, Long authorId, boolean visibilityChanged, String reason) {
        if (entities.getLockMode(camera) != LockModeType.PESSIMISTIC_WRITE) {
            // Two writers of one camera would both write "the next version": lock it first.
            throw new IllegalStateException("camera " + camera.id + " must be locked before a new version is written");
        }
        String dropped = WatchFacts.dropDeletedAuthorisation(camera);
        if (dropped != null) {
            reason = reason == null ? dropped : reason + "; " + dropped;
        }
        camera.version++;
        camera.updatedAt = CameraService.now();
        camera.flush();
        // the city the database derives from the position; the lock is kept for a later write in this transaction
        entities.refresh(camera, LockModeType.PESSIMISTIC_WRITE);
        history.record(camera, action, authorId, visibilityChanged, reason, dropped != null);
    }
}
