package org.vigie.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.vigie.camera.Camera;
import org.vigie.camera.CameraService;
import org.vigie.common.sql.SqlArrays;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Takes back what an account said about cameras (its confirmations and open reports), for a
 * moderator's revert of that account, and puts the cameras' counts and status right again.
 */
@ApplicationScoped
public class VerificationRecount {

    private final VerificationConfig config;

    public VerificationRecount(VerificationConfig config) {
        this.config = config;
    }

    /** Deletes the account's confirmations since {@code since}; the cameras they verified may fall back. */
    public int withdrawConfirmations(long accountId, OffsetDateTime since) {
        EntityManager em = Camera.getEntityManager();
        List<?> cameras = em.createNativeQuery("DELETE FROM camera_confirmation WHERE account_id = ?1 AND first_at >= ?2"
                        + " RETURNING camera_id")
                .setParameter(1, accountId).setParameter(2, since).getResultList();
        if (cameras.isEmpty()) {
            return 0;
        }
        lockInIdOrder(em, cameras);
        em.createNativeQuery("UPDATE camera c SET confirmations = n.count, last_confirmed_at = n.last,"
                        + " status = CASE WHEN c.status = 'verified' AND n.count < ?2 THEN 'reported' ELSE c.status END"
                        + " FROM (SELECT c2.id, count(cc.account_id) FILTER (WHERE cc.counted) AS count, max(cc.last_at) AS last FROM camera c2"
                        + "       LEFT JOIN camera_confirmation cc ON cc.camera_id = c2.id"
                        + "       WHERE c2.id IN (SELECT DISTINCT unnest(CAST(?1 AS bigint[]))) GROUP BY c2.id) n"
                        + " WHERE c.id = n.id")
                .setParameter(1, SqlArrays.of(cameras))
                .setParameter(2, config.confirmationsToVerify()).executeUpdate();
        return cameras.size();
    }

    /**
     * Closes the account's open reports since {@code since}. A camera disputed by nobody else any
     * more goes back to verified or reported, as its confirmations say; one that its "gone" reports
     * had removed is shown again, disputed while other reports stay open.
     */
    public int closeReports(long accountId, OffsetDateTime since, long moderatorId) {
        EntityManager em = Camera.getEntityManager();
        List<?> cameras = em.createNativeQuery("UPDATE camera_report r SET resolved_at = ?3, resolved_by = ?4,"
                        + " resolution = ?5"
                        + " WHERE account_id = ?1 AND created_at >= ?2 AND resolved_at IS NULL RETURNING camera_id")
                .setParameter(1, accountId).setParameter(2, since).setParameter(3, CameraService.now())
                .setParameter(4, moderatorId).setParameter(5, ReportResolution.WITHDRAWN.wire()).getResultList();
        if (cameras.isEmpty()) {
            return 0;
        }
        lockInIdOrder(em, cameras);
        em.createNativeQuery("UPDATE camera c SET status = CASE WHEN c.confirmations >= ?2 THEN 'verified' ELSE 'reported' END"
                        + " WHERE c.id IN (SELECT DISTINCT unnest(CAST(?1 AS bigint[]))) AND c.status = 'disputed'"
                        + " AND NOT EXISTS (SELECT 1 FROM camera_report r WHERE r.camera_id = c.id AND r.resolved_at IS NULL AND r.counted)")
                .setParameter(1, SqlArrays.of(cameras))
                .setParameter(2, config.confirmationsToVerify()).executeUpdate();
        // A camera the "gone" reports removed (no version records that removal, and no moderator
        // settled it as removed) comes back when too few of them are left open.
        em.createNativeQuery("UPDATE camera c SET status = CASE"
                        + "   WHEN EXISTS (SELECT 1 FROM camera_report r WHERE r.camera_id = c.id AND r.resolved_at IS NULL AND r.counted) THEN 'disputed'"
                        + "   WHEN c.confirmations >= ?2 THEN 'verified' ELSE 'reported' END"
                        + " WHERE c.id IN (SELECT DISTINCT unnest(CAST(?1 AS bigint[]))) AND c.status = 'removed'"
                        + " AND (SELECT count(DISTINCT r.account_id) FROM camera_report r WHERE r.camera_id = c.id"
                        + "      AND r.reason = 'gone' AND r.resolved_at IS NULL AND r.counted) < ?3"
                        // a moderator's last settling of the camera, if any, was not a removal
                        + " AND NOT EXISTS (SELECT 1 FROM camera_report r WHERE r.camera_id = c.id AND r.resolution = 'removed'"
                        + "      AND NOT EXISTS (SELECT 1 FROM camera_report r2 WHERE r2.camera_id = c.id"
                        + "           AND r2.resolution IN ('reported', 'verified') AND r2.resolved_at > r.resolved_at))"
                        + " AND NOT EXISTS (SELECT 1 FROM camera_version v WHERE v.camera_id = c.id AND v.version = c.version"
                        + "      AND v.snapshot -> 'properties' ->> 'status' = 'removed')")
                .setParameter(1, SqlArrays.of(cameras))
                .setParameter(2, config.confirmationsToVerify())
                .setParameter(3, config.goneReportsToRemove()).executeUpdate();
        return cameras.size();
    }

    /** Row locks taken in id order, as every multi-row lock here, so that two recounts cannot deadlock. */
    private static void lockInIdOrder(EntityManager em, List<?> cameraIds) {
        em.createNativeQuery("SELECT id FROM camera WHERE id = ANY (CAST(?1 AS bigint[])) ORDER BY id FOR UPDATE")
                .setParameter(1, SqlArrays.of(cameraIds)).getResultList();
    }
}
