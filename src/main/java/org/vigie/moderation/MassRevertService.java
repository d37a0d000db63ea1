package org.vigie.moderation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.vigie.account.Account;
import org.vigie.account.CurrentAccount;
import org.vigie.camera.Camera;
import org.vigie.camera.CameraReverts;
import org.vigie.camera.CameraService;
import org.vigie.camera.CameraVersion;
import org.vigie.common.problem.ProblemException;
import org.vigie.common.sql.SqlArrays;
import org.vigie.verification.VerificationRecount;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Undoes everything one account wrote since a date, as a moderator's new versions: each camera it
 * edited goes back to the version before its first edit, each camera it added is hidden. A camera
 * that someone else edited after it is left alone and listed, as OpenStreetMap's revert tools do,
 * so that no one else's work is lost. Its confirmations are withdrawn, its open reports closed and
 * its photos removed.
 * All of it happens in one transaction: the revert is whole or not at all.
 */
@ApplicationScoped
public class MassRevertService {

    private static final int CHUNK = 100;

    private final CurrentAccount current;
    private final CameraReverts reverts;
    private final VerificationRecount recount;
    private final ModerationLog log;

    public MassRevertService(CurrentAccount current, CameraReverts reverts, VerificationRecount recount, ModerationLog log) {
        this.current = current;
        this.reverts = reverts;
        this.recount = recount;
        this.log = log;
    }

    public record Skipped(long cameraId, String reason) {
    }

    /** What the revert does to one camera: back to {@code toVersion} ("restore"), or hidden ("hide"). */
    public record Change(long cameraId, String action, int fromVersion, Integer toVersion) {
    }

    /**
     * {@code account}: the one account reverted (null for several, listed in {@code accounts});
     * {@code dryRun}: nothing was written, the report says what the revert would do.
     */
    public record Report(String account, List<String> accounts, boolean dryRun, int cameras, int reverted, int hidden,
                         int unchanged, List<Change> changes, List<Skipped> skipped,
                         int confirmationsWithdrawn, int reportsClosed, int photosRemoved) {
    }

    private record Touched(long cameraId, int firstVersion) {
    }

    /** One account: {@link #revertAccounts} with it alone (ArC intercepts the self-call, which opens the transaction). */
    public Report revertAccount(String username, OffsetDateTime since) {
        return revertAccounts(List.of(username), since, false);
    }

    /**
     * Reverts several accounts as one author (a vandal and its puppets): a camera that only they
     * edited since goes back to the version before the first of their edits, whatever order they
     * edited in. With {@code dryRun}, the same work is done and rolled back: the report is the preview.
     */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public Report revertAccounts(List<String> usernames, OffsetDateTime since, boolean dryRun) {
        long moderator = current.id();
        List<Account> targets = new ArrayList<>();
        for (String username : usernames) {
            Account target = Account.byUsername(username)
                    .orElseThrow(() -> ProblemException.notFound("no account is named " + username));
            if (targets.stream().noneMatch(t -> t.id.equals(target.id))) {
                targets.add(target);
            }
        }
        List<Long> authors = targets.stream().map(a -> a.id).toList();
        EntityManager em = Camera.getEntityManager();
        List<Object[]> rows = em.createNativeQuery("SELECT camera_id, min(version) FROM camera_version"
                        + " WHERE author_id = ANY (CAST(?1 AS bigint[])) AND created_at >= ?2 GROUP BY camera_id ORDER BY camera_id",
                        Object[].class)
                .setParameter(1, SqlArrays.of(authors)).setParameter(2, since).getResultList();
        List<Touched> touched = rows.stream()
                .map(r -> new Touched(((Number) r[0]).longValue(), ((Number) r[1]).intValue())).toList();
        int reverted = 0;
        int hidden = 0;
        int unchanged = 0;
        List<Skipped> skipped = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (int from = 0; from < touched.size(); from += CHUNK) {
            List<Touched> chunk = touched.subList(from, Math.min(touched.size(), from + CHUNK));
            Map<Long, Camera> cameras = lock(em, chunk);
            Set<Long> editedSince = editedByOthersSince(em, chunk, authors);
            Map<Long, CameraVersion> before = versionsBefore(em, chunk);
            Set<Long> visibleBefore = visibleBefore(em, chunk);
            for (Touched t : chunk) {
                Camera camera = cameras.get(t.cameraId());
                if (editedSince.contains(t.cameraId())) {
                    skipped.add(new Skipped(t.cameraId(), "edited by someone else since"));
                } else if (t.firstVersion() == 1) {
                    if (camera.visible) {
                        changes.add(new Change(camera.id, "hide", camera.version, null));
                        reverts.hide(camera, moderator);
                        hidden++;
                    } else {
                        unchanged++;
                    }
                } else {
                    try {
                        int fromVersion = camera.version;
                        reverts.restore(camera, before.get(t.cameraId()), moderator, visibleBefore.contains(t.cameraId()));
                        changes.add(new Change(camera.id, "restore", fromVersion, t.firstVersion() - 1));
                        reverted++;
                    } catch (ProblemException e) {
                        // A version written under older rules that today's validation refuses.
                        skipped.add(new Skipped(t.cameraId(), "version " + (t.firstVersion() - 1) + " no longer valid: "
                                + e.getMessage()));
                    }
                }
            }
            // Keeps the session small: every write flushes it, and a flush checks each entity it holds.
            em.flush();
            em.clear();
        }
        int withdrawn = 0;
        int closed = 0;
        int photos = 0;
        for (Account target : targets) {
            withdrawn += recount.withdrawConfirmations(target.id, since);
            closed += recount.closeReports(target.id, since, moderator);
            // Photos name their uploader by user name (accounts are never renamed).
            photos += em.createNativeQuery("UPDATE photo SET removed_at = ?3, removed_by = ?4"
                            + " WHERE uploaded_by = ?1 AND created_at >= ?2 AND removed_at IS NULL")
                    .setParameter(1, target.username).setParameter(2, since).setParameter(3, CameraService.now())
                    .setParameter(4, current.username()).executeUpdate();
            log.record(moderator, ModerationLog.Action.REVERT, null, target.id, null, null,
                    ModerationLog.Facts.reverted(since, targets.size() > 1 ? usernames : List.of()));
        }
        if (dryRun) {
            QuarkusTransaction.setRollbackOnly();
        }
        List<String> names = targets.stream().map(a -> a.username).toList();
        return new Report(names.size() == 1 ? names.get(0) : null, names, dryRun, touched.size(), reverted, hidden, unchanged,
                changes, skipped, withdrawn, closed, photos);
    }

    private static Map<Long, Camera> lock(EntityManager em, List<Touched> chunk) {
        List<Long> ids = chunk.stream().map(Touched::cameraId).toList();
        // In id order within each step: two reverts of different accounts over the same cameras can still
        // deadlock across steps (the recount locks again after the chunks); PostgreSQL then aborts one, a 503.
        return em.createQuery("from Camera c where c.id in :ids order by c.id", Camera.class)
                .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .collect(Collectors.toMap(c -> c.id, c -> c));
    }

    private static Set<Long> editedByOthersSince(EntityManager em, List<Touched> chunk, List<Long> authorIds) {
        List<?> ids = em.createNativeQuery("SELECT DISTINCT v.camera_id FROM camera_version v"
                        + " JOIN unnest(CAST(?1 AS bigint[]), CAST(?2 AS int[])) AS t(camera_id, first_version)"
                        + " ON v.camera_id = t.camera_id AND v.version > t.first_version"
                        + " WHERE v.author_id IS NULL OR NOT (v.author_id = ANY (CAST(?3 AS bigint[])))")
                .setParameter(1, SqlArrays.of(chunk.stream().map(Touched::cameraId).toList()))
                .setParameter(2, SqlArrays.of(chunk.stream().map(Touched::firstVersion).toList()))
                .setParameter(3, SqlArrays.of(authorIds)).getResultList();
        Set<Long> edited = new HashSet<>();
        ids.forEach(id -> edited.add(((Number) id).longValue()));
        return edited;
    }

    /**
     * The cameras (of those the account edited, not created) that were visible at the version before
     * its first edit: each version that showed or hid a camera lists "visible" among its changed
     * fields, so an even count of them up to that version means shown. A restore or a merge the
     * account made (a moderator's account) is undone like any edit.
     */
    private static Set<Long> visibleBefore(EntityManager em, List<Touched> chunk) {
        List<Touched> edited = chunk.stream().filter(t -> t.firstVersion() > 1).toList();
        Set<Long> visible = new HashSet<>();
        if (edited.isEmpty()) {
            return visible;
        }
        em.createNativeQuery("SELECT t.camera_id FROM unnest(CAST(?1 AS bigint[]), CAST(?2 AS int[])) AS t(camera_id, version)"
                        + " JOIN camera_version v ON v.camera_id = t.camera_id AND v.version <= t.version"
                        + " GROUP BY t.camera_id HAVING count(*) FILTER (WHERE 'visible' = ANY (v.changed_fields)) % 2 = 0")
                .setParameter(1, SqlArrays.of(edited.stream().map(Touched::cameraId).toList()))
                .setParameter(2, SqlArrays.of(edited.stream().map(t -> t.firstVersion() - 1).toList()))
                .getResultList().forEach(id -> visible.add(((Number) id).longValue()));
        return visible;
    }

    /** For each camera, the version before the account's first edit of it. */
    private static Map<Long, CameraVersion> versionsBefore(EntityManager em, List<Touched> chunk) {
        List<Touched> edited = chunk.stream().filter(t -> t.firstVersion() > 1).toList();
        Map<Long, CameraVersion> before = new HashMap<>();
        if (edited.isEmpty()) {
            return before;
        }
        em.createNativeQuery("SELECT v.* FROM camera_version v"
                        + " JOIN unnest(CAST(?1 AS bigint[]), CAST(?2 AS int[])) AS t(camera_id, version)"
                        + " ON v.camera_id = t.camera_id AND v.version = t.version", CameraVersion.class)
                .setParameter(1, SqlArrays.of(edited.stream().map(Touched::cameraId).toList()))
                .setParameter(2, SqlArrays.of(edited.stream().map(t -> t.firstVersion() - 1).toList()))
                .getResultList().forEach(v -> before.put(((CameraVersion) v).cameraId, (CameraVersion) v));
        return before;
    }
}
