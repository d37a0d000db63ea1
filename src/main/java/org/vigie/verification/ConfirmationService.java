package org.vigie.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.vigie.account.Account;
import org.vigie.account.CurrentAccount;
import org.vigie.camera.Camera;
import org.vigie.camera.CameraService;
import org.vigie.common.sql.Timestamps;

import java.time.OffsetDateTime;

/**
 * "I saw it too": independent confirmations. The author's own and a volunteer's second one do not
 * count. Counting is one row per volunteer and camera plus an increment under the row lock, so
 * any number of volunteers confirming at once are each counted exactly once.
 */
@ApplicationScoped
public class ConfirmationService {

    private final CameraService cameras;
    private final CurrentAccount current;
    private final VerificationLimits limits;
    private final VerificationConfig config;

    public ConfirmationService(CameraService cameras, CurrentAccount current, VerificationLimits limits,
                               VerificationConfig config) {
        this.cameras = cameras;
        this.current = current;
        this.limits = limits;
        this.config = config;
    }

    /** What a confirmation did: counted or why not, and the camera's verification state after it. */
    public record Outcome(boolean counted, String reason, int confirmations, OffsetDateTime lastConfirmedAt,
                          String status) {
    }

    @Transactional
    public Outcome confirm(long cameraId) {
        Account who = current.require();
        Camera camera = cameras.find(cameraId).orElseThrow(() -> new CameraService.NotFound(cameraId));
        if (who.id.equals(camera.createdBy)) {
            return new Outcome(false, "own-camera", camera.confirmations, camera.lastConfirmedAt, camera.status.wire());
        }
        limits.check(who);
        // Recorded whatever the account's age; counted only once it is old enough (VoteRipening).
        boolean oldEnough = !who.createdAt.isAfter(CameraService.now().minus(config.minAccountAge()));
        EntityManager em = Camera.getEntityManager();
        OffsetDateTime now = CameraService.now();
        // xmax is 0 for a row this statement inserted, not for one it updated.
        boolean first = (Boolean) em.createNativeQuery(
                        "INSERT INTO camera_confirmation (camera_id, account_id, first_at, last_at, counted) VALUES (?1, ?2, ?3, ?3, ?4)"
                                + " ON CONFLICT (camera_id, account_id) DO UPDATE SET last_at = excluded.last_at"
                                + " RETURNING (xmax = 0)", Boolean.class)
                .setParameter(1, cameraId).setParameter(2, who.id).setParameter(3, now).setParameter(4, oldEnough)
                .getSingleResult();
        Object[] after = (Object[]) em.createNativeQuery(
                        "UPDATE camera SET confirmations = confirmations + ?2, last_confirmed_at = ?3,"
                                + " status = CASE WHEN status = 'reported' AND confirmations + ?2 >= ?4 THEN 'verified' ELSE status END"
                                + " WHERE id = ?1 RETURNING confirmations, last_confirmed_at, status")
                .setParameter(1, cameraId).setParameter(2, first && oldEnough ? 1 : 0).setParameter(3, now)
                .setParameter(4, config.confirmationsToVerify()).getSingleResult();
        em.detach(camera);
        return new Outcome(first && oldEnough, !first ? "already-confirmed" : oldEnough ? null : "account-too-new", ((Number) after[0]).intValue(),
                Timestamps.of(after[1]), (String) after[2]);
    }
}
