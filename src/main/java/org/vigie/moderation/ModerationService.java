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
import org.vigie.verification.ReportResolution;
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

    /** How far a duplicate may be from the camera it repeats (the app's list of candidates uses the same radius). */
    public static final int MERGE_RADIUS_M = 50;

    private final CurrentAccount current;
    private final CameraWrites writes;
    private final VerificationConfig config;
    private final ModerationLog log;

    public ModerationService(CurrentAccount current, CameraWrites writes, VerificationConfig config, ModerationLog log) {
        this.current = current;
        this.writes = writes;
        this.config = config;
        this.log = log;
    }

    /**
     * An open report, for the moderators' queue: with how many other volunteers have a report open on
     * the same camera, and whether readers still see the camera (a hidden one's reports can only be closed).
     */
    public record OpenReport(long id, long cameraId, String reason, String comment, String reporter,
                             OffsetDateTime createdAt, int othersReporting, boolean cameraVisible) {
    }

    @Transactional
    public List<OpenReport> openReports(int limit) {
        List<Object[]> rows = Camera.getEntityManager().createNativeQuery(
                        "SELECT r.id, r.camera_id, r.reason, r.comment, a.username, r.created_at,"
                                + " (SELECT count(DISTINCT o.account_id) FROM camera_report o WHERE o.camera_id = r.camera_id"
                                + "   AND o.resolved_at IS NULL AND o.account_id <> r.account_id), c.visible"
                                + " FROM camera_report r JOIN account a ON a.id = r.account_id JOIN camera c ON c.id = r.camera_id"
                                + " WHERE r.resolved_at IS NULL ORDER BY r.created_at, r.id LIMIT ?1", Object[].class)
                .setParameter(1, limit).getResultList();
        return rows.stream().map(r -> new OpenReport(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                (String) r[2], (String) r[3], (String) r[4], Timestamps.of(r[5]), ((Number) r[6]).intValue(),
                (Boolean) r[7])).toList();
    }

    /**
     * Closes an open report, and the other open reports on its camera, without deciding the camera's
     * status: for a camera that is hidden, deleted or merged (a visible one is settled instead, 409).
     * Answers how many reports were closed.
     */
    @Transactional
    public int closeReport(long reportId) {
        Account moderator = current.require();
        List<Object[]> found = Camera.getEntityManager().createNativeQuery(
                        "SELECT camera_id, resolved_at FROM camera_report WHERE id = ?1", Object[].class)
                .setParameter(1, reportId).getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("no report has the id " + reportId);
        }
        Object[] report = found.get(0);
        long cameraId = ((Number) report[0]).longValue();
        if (report[1] != null) {
            throw new ProblemException(409, "report-closed", "Report already closed", "report " + reportId + " is closed already");
        }
        Camera camera = CameraService.lockAny(cameraId);
        if (camera.visible) {
            throw new ProblemException(409, "camera-visible", "Camera still shown",
                    "camera " + cameraId + " is shown: settle its reports (POST /api/moderation/cameras/" + cameraId
                            + "/resolution) or hide it first");
        }
        int closed = Camera.getEntityManager().createNativeQuery("UPDATE camera_report SET resolved_at = ?2, resolved_by = ?3,"
                        + " resolution = ?4 WHERE camera_id = ?1 AND resolved_at IS NULL")
                .setParameter(1, cameraId).setParameter(2, CameraService.now()).setParameter(3, moderator.id)
                .setParameter(4, ReportResolution.CLOSED.wire()).executeUpdate();
        log.record(moderator.id, ModerationLog.Action.CLOSE_REPORT, cameraId, null, reportId, null,
                ModerationLog.Facts.reportsClosed(closed));
        return closed;
    }

    /** Settles a camera's dispute: its status becomes {@code status} and its open reports are closed. */
    @Transactional
    public Camera resolve(long cameraId, CameraStatus status) {
        Account moderator = current.require();
        Camera camera = CameraService.lock(cameraId);
        camera.status = status;
        camera.flush();
        closeReports(cameraId, moderator.id, status);
        log.record(moderator.id, ModerationLog.Action.RESOLVE, cameraId, null, null, null, ModerationLog.Facts.settled(status));
        return camera;
    }

    /** Hides a camera from every reader (a new version); {@link #restore} shows it again. */
    @Transactional
    public Camera hide(long cameraId, String reason) {
        Account moderator = current.require();
        Camera camera = CameraService.lock(cameraId);
        camera.visible = false;
        writes.newVersion(camera, CameraVersion.Action.HIDE, moderator.id);
        log.record(moderator.id, ModerationLog.Action.HIDE, cameraId, null, null, reason, ModerationLog.Facts.NONE);
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
        log.record(moderator.id, ModerationLog.Action.RESTORE, cameraId, null, null, null, ModerationLog.Facts.NONE);
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
        requireMergeable(em, duplicate, into);
        em.createNativeQuery("INSERT INTO camera_confirmation (camera_id, account_id, first_at, last_at, counted)"
                        + " SELECT ?2, account_id, first_at, last_at, counted FROM camera_confirmation WHERE camera_id = ?1"
                        + " AND account_id IS DISTINCT FROM ?3"
                        + " ON CONFLICT (camera_id, account_id) DO UPDATE SET last_at = greatest(camera_confirmation.last_at, excluded.last_at),"
                        + " counted = camera_confirmation.counted OR excluded.counted")
                .setParameter(1, duplicateId).setParameter(2, intoId).setParameter(3, into.createdBy).executeUpdate();
        Object[] counted = (Object[]) em.createNativeQuery(
                        "SELECT count(*) FILTER (WHERE counted), max(last_at) FROM camera_confirmation WHERE camera_id = ?1")
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
        log.record(moderator.id, ModerationLog.Action.MERGE, duplicateId, null, null, null, ModerationLog.Facts.merged(intoId));
        return into;
    }

    /**
     * A duplicate repeats a camera close by (hidden ones are refused earlier, 410, by the lock):
     * two cameras far apart are two cameras. The app offers only those within the radius
     * (moderation-panel.js); the API holds any client to it.
     */
    private static void requireMergeable(EntityManager em, Camera duplicate, Camera into) {
        double metres = ((Number) em.createNativeQuery("SELECT ST_DistanceSphere(a.position, b.position)"
                        + " FROM camera a, camera b WHERE a.id = ?1 AND b.id = ?2")
                .setParameter(1, duplicate.id).setParameter(2, into.id).getSingleResult()).doubleValue();
        if (metres > MERGE_RADIUS_M) {
            throw ProblemException.invalid("into", "camera " + into.id + " is " + Math.round(metres)
                    + " m away: a duplicate is merged only into a camera within " + MERGE_RADIUS_M + " m");
        }
    }

    private static void closeReports(long cameraId, long moderatorId, CameraStatus outcome) {
        Camera.getEntityManager().createNativeQuery("UPDATE camera_report SET resolved_at = ?2, resolved_by = ?3, resolution = ?4"
                        + " WHERE camera_id = ?1 AND resolved_at IS NULL")
                .setParameter(1, cameraId).setParameter(2, CameraService.now()).setParameter(3, moderatorId)
                .setParameter(4, ReportResolution.settledAs(outcome).wire()).executeUpdate();
    }
}
