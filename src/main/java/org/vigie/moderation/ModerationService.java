package org.vigie.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.vigie.account.Account;
import org.vigie.account.CurrentAccount;
import org.vigie.camera.Camera;
import org.vigie.camera.CameraWrites;
import org.vigie.camera.CameraService;
import org.vigie.camera.CameraVersion;
import org.vigie.camera.attribute.CameraStatus;
import org.vigie.common.problem.ProblemException;
import org.vigie.common.sql.Timestamps;
import org.vigie.verification.VerificationConfig;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What moderators decide: a dispute's outcome, hiding and restoring a camera, merging a
 * duplicate into the camera it repeats. Every decision names the moderator.
 */
@ApplicationScoped
public class ModerationService {

    private final CurrentAccount current;
    private final CameraWrites writes;
    private final VerificationConfig config;

    public ModerationService(CurrentAccount current, CameraWrites writes, VerificationConfig config) {
        this.current = current;
        this.writes = writes;
        this.config = config;
    }

    /** An open report, for the moderators' queue. */
    public record OpenReport(long id, long cameraId, String reason, String comment, String reporter,
                             OffsetDateTime createdAt) {
    }

    @Transactional
    public List<OpenReport> openReports(int limit) {
        List<Object[]> rows = Camera.getEntityManager().createNativeQuery(
                        "SELECT r.id, r.camera_id, r.reason, r.comment, a.username, r.created_at FROM camera_report r"
                                + " JOIN account a ON a.id = r.account_id WHERE r.resolved_at IS NULL"
                                + " ORDER BY r.created_at, r.id LIMIT ?1", Object[].class)
                .setParameter(1, limit).getResultList();
        return rows.stream().map(r -> new OpenReport(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                (String) r[2], (String) r[3], (String) r[4], Timestamps.of(r[5]))).toList();
    }

    /** Settles a camera's dispute: its status becomes {@code status} and its open reports are closed. */
    @Transactional
    public Camera resolve(long cameraId, CameraStatus status) {
        Account moderator = current.require();
        Camera camera = CameraService.lock(cameraId);
        camera.status = status;
        camera.flush();
        closeReports(cameraId, moderator.id, status);
        return camera;
    }

    /** Hides a camera from every reader (a new version); {@link #restore} shows it again. */
    @Transactional
    public Camera hide(long cameraId) {
        Account moderator = current.require();
        Camera camera = CameraService.lock(cameraId);
        camera.visible = false;
        writes.newVersion(camera, CameraVersion.Action.HIDE, moderator.id);
        return camera;
    }

    @Transactional
    public Camera restore(long cameraId) {
        Account moderator = current.require();
        Camera camera = CameraService.lockAny(cameraId);
        if (camera.visible) {
            throw new ProblemException(409, "not-hidden", "Camera not hidden", "camera " + cameraId + " is visible already");
        }
        camera.visible = true;
        camera.mergedInto = null;
        writes.newVersion(camera, CameraVersion.Action.RESTORE, moderator.id);
        return camera;
    }

    /**
     * Merges a duplicate: it is hidden, pointing at the camera it repeats, and the volunteers who
     * confirmed it now confirm that one (each still counted once, never its author).
     */
    @Transactional
    public Camera merge(long duplicateId, long intoId) {
        Account moderator = current.require();
        if (duplicateId == intoId) {
            throw ProblemException.invalid("into", "a camera cannot be merged into itself");
        }
        // Both rows locked in id order, so two merges of the same pair cannot deadlock.
        Camera first = CameraService.lock(Math.min(duplicateId, intoId));
        Camera second = CameraService.lock(Math.max(duplicateId, intoId));
        Camera duplicate = first.id == duplicateId ? first : second;
        Camera into = first.id == intoId ? first : second;
        EntityManager em = Camera.getEntityManager();
        em.createNativeQuery("INSERT INTO camera_confirmation (camera_id, account_id, first_at, last_at)"
                        + " SELECT ?2, account_id, first_at, last_at FROM camera_confirmation WHERE camera_id = ?1"
                        + " AND account_id IS DISTINCT FROM ?3"
                        + " ON CONFLICT (camera_id, account_id) DO UPDATE SET last_at = greatest(camera_confirmation.last_at, excluded.last_at)")
                .setParameter(1, duplicateId).setParameter(2, intoId).setParameter(3, into.createdBy).executeUpdate();
        Object[] counted = (Object[]) em.createNativeQuery(
                        "SELECT count(*), max(last_at) FROM camera_confirmation WHERE camera_id = ?1")
                .setParameter(1, intoId).getSingleResult();
        into.confirmations = ((Number) counted[0]).intValue();
        into.lastConfirmedAt = Timestamps.of(counted[1]);
        if (into.status == CameraStatus.REPORTED && into.confirmations >= config.confirmationsToVerify()) {
            into.status = CameraStatus.VERIFIED;
        }
        into.flush();
        duplicate.visible = false;
        duplicate.mergedInto = intoId;
        writes.newVersion(duplicate, CameraVersion.Action.MERGE, moderator.id);
        closeReports(duplicateId, moderator.id, CameraStatus.REMOVED);
        return into;
    }

    private static void closeReports(long cameraId, long moderatorId, CameraStatus outcome) {
        Camera.getEntityManager().createNativeQuery("UPDATE camera_report SET resolved_at = ?2, resolved_by = ?3, resolution = ?4"
                        + " WHERE camera_id = ?1 AND resolved_at IS NULL")
                .setParameter(1, cameraId).setParameter(2, CameraService.now()).setParameter(3, moderatorId)
                .setParameter(4, outcome.wire()).executeUpdate();
    }
}
