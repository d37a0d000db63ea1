package org.vigie.verification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.vigie.camera.Camera;
import org.vigie.camera.CameraService;
import org.vigie.common.sql.SqlArrays;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Counts the confirmations and reports that accounts made while younger than
 * {@code vigie.verification.min-account-age}, once they are old enough, and applies them as they
 * would have applied then: a reported camera with enough confirmations is verified, one with enough
 * "gone" reports still open is removed, one with another open report is disputed. Runs every
 * {@code vigie.verification.ripen-every}; each vote is counted once (its {@code counted} flag).
 */
@ApplicationScoped
public class VoteRipening {

    private static final Logger LOG = Logger.getLogger(VoteRipening.class);

    private final VerificationConfig config;
    private ScheduledExecutorService timer;

    public VoteRipening(VerificationConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "vote-ripening");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(60, config.ripenEvery().toSeconds());
        timer.scheduleWithFixedDelay(this::ripenQuietly, every, every, TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void ripenQuietly() {
        try {
            ripen();
        } catch (RuntimeException e) {
            // Tried again at the next run: the votes stay uncounted until then.
            LOG.warnf("counting the votes of accounts that came of age failed, retried later: %s", e.getMessage());
        }
    }

    /** Counts the waiting votes of accounts now old enough; answers how many votes were counted. */
    @Transactional
    public int ripen() {
        EntityManager em = Camera.getEntityManager();
        OffsetDateTime ripe = CameraService.now().minus(config.minAccountAge());
        List<?> confirmed = em.createNativeQuery("UPDATE camera_confirmation cc SET counted = true FROM account a"
                        + " WHERE a.id = cc.account_id AND NOT cc.counted AND a.created_at <= ?1 RETURNING cc.camera_id")
                .setParameter(1, ripe).getResultList();
        List<?> reported = em.createNativeQuery("UPDATE camera_report r SET counted = true FROM account a"
                        + " WHERE a.id = r.account_id AND NOT r.counted AND a.created_at <= ?1 AND r.resolved_at IS NULL"
                        + " RETURNING r.camera_id")
                .setParameter(1, ripe).getResultList();
        // Closed reports of an account that aged need no counting: a moderator decided already.
        em.createNativeQuery("UPDATE camera_report r SET counted = true FROM account a"
                        + " WHERE a.id = r.account_id AND NOT r.counted AND a.created_at <= ?1").setParameter(1, ripe).executeUpdate();
        if (confirmed.isEmpty() && reported.isEmpty()) {
            return 0;
        }
        List<Object> cameras = new java.util.ArrayList<>(confirmed);
        cameras.addAll(reported);
        em.createNativeQuery("SELECT id FROM camera WHERE id = ANY (CAST(?1 AS bigint[])) ORDER BY id FOR UPDATE")
                .setParameter(1, SqlArrays.of(cameras)).getResultList();
        em.createNativeQuery("UPDATE camera c SET confirmations = n.count,"
                        + " status = CASE WHEN c.status = 'reported' AND n.count >= ?2 THEN 'verified' ELSE c.status END"
                        + " FROM (SELECT camera_id, count(*) FILTER (WHERE counted) AS count FROM camera_confirmation"
                        + "       WHERE camera_id IN (SELECT DISTINCT unnest(CAST(?1 AS bigint[]))) GROUP BY camera_id) n"
                        + " WHERE c.id = n.camera_id")
                .setParameter(1, SqlArrays.of(confirmed)).setParameter(2, config.confirmationsToVerify()).executeUpdate();
        em.createNativeQuery("UPDATE camera c SET status = CASE"
                        + "   WHEN (SELECT count(DISTINCT r.account_id) FROM camera_report r WHERE r.camera_id = c.id"
                        + "         AND r.reason = 'gone' AND r.resolved_at IS NULL AND r.counted) >= ?2 THEN 'removed'"
                        + "   WHEN c.status IN ('reported', 'verified') THEN 'disputed' ELSE c.status END"
                        + " WHERE c.id IN (SELECT DISTINCT unnest(CAST(?1 AS bigint[]))) AND c.visible")
                .setParameter(1, SqlArrays.of(reported)).setParameter(2, config.goneReportsToRemove()).executeUpdate();
        return confirmed.size() + reported.size();
    }
}
