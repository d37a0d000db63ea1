package org.vigie.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.vigie.account.Account;
import org.vigie.account.CurrentAccount;
import org.vigie.camera.Camera;
import org.vigie.camera.CameraService;
import org.vigie.camera.attribute.CameraStatus;

import java.util.List;

/**
 * "Something is wrong with this camera": a report puts it in dispute until a moderator decides;
 * enough volunteers saying it is gone mark it removed. One open report per volunteer, camera and
 * reason counts.
 */
@ApplicationScoped
public class ReportService {

    private final CurrentAccount current;
    private final VerificationLimits limits;
    private final VerificationConfig config;

    public ReportService(CurrentAccount current, VerificationLimits limits, VerificationConfig config) {
        this.current = current;
        this.limits = limits;
        this.config = config;
    }

    public record Outcome(Long reportId, boolean counted, String reason, String status) {
    }

    @Transactional
    public Outcome report(long cameraId, ReportReason reason, String comment) {
        Account who = current.require();
        limits.check(who); // its quota lock before the camera's row lock, as every write takes them
        // The lock makes concurrent reports queue, so each one counts the "gone" reports before it.
        Camera camera = Camera.<Camera>findByIdOptional(cameraId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new CameraService.NotFound(cameraId));
        if (!camera.visible) {
            throw new CameraService.Gone(camera);
        }
        EntityManager em = Camera.getEntityManager();
        // Recorded whatever the account's age (moderators see it in the queue); it moves the camera's
        // status only once the account is old enough (VoteRipening applies it then).
        boolean oldEnough = !who.createdAt.isAfter(CameraService.now().minus(config.minAccountAge()));
        List<?> inserted = em.createNativeQuery(
                        "INSERT INTO camera_report (camera_id, account_id, reason, comment, created_at, counted)"
                                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                                + " ON CONFLICT (camera_id, account_id, reason) WHERE resolved_at IS NULL DO NOTHING RETURNING id")
                .setParameter(1, cameraId).setParameter(2, who.id).setParameter(3, reason.wire())
                .setParameter(4, comment).setParameter(5, CameraService.now()).setParameter(6, oldEnough).getResultList();
        if (inserted.isEmpty()) {
            return new Outcome(null, false, "already-reported", camera.status.wire());
        }
        if (!oldEnough) {
            return new Outcome(((Number) inserted.get(0)).longValue(), false, "account-too-new", camera.status.wire());
        }
        long gone = goneReports(em, cameraId);
        if (gone >= config.goneReportsToRemove()) {
            camera.status = CameraStatus.REMOVED;
        } else if (camera.status == CameraStatus.REPORTED || camera.status == CameraStatus.VERIFIED) {
            camera.status = CameraStatus.DISPUTED;
        }
        camera.flush();
        return new Outcome(((Number) inserted.get(0)).longValue(), true, null, camera.status.wire());
    }

    /** Volunteers whose open, counted "gone" report is on the camera. */
    static long goneReports(EntityManager em, long cameraId) {
        return ((Number) em.createNativeQuery("SELECT count(DISTINCT account_id) FROM camera_report"
                        + " WHERE camera_id = ?1 AND reason = 'gone' AND resolved_at IS NULL AND counted")
                .setParameter(1, cameraId).getSingleResult()).longValue();
    }
}
