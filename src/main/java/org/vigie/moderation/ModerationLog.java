package org.vigie.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.vigie.account.Account;
import org.vigie.camera.CameraService;
import org.vigie.common.sql.Timestamps;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Every moderator's decision, written in the decision's own transaction (no decision without its
 * line, no line without its decision), and read back by moderators, newest first.
 */
@ApplicationScoped
public class ModerationLog {

    /** What was decided; the wire names are the schema's. */
    public enum Action {
        RESOLVE("resolve"), HIDE("hide"), RESTORE("restore"), MERGE("merge"), CLOSE_REPORT("close-report"),
        SUSPEND("suspend"), LIFT_SUSPENSION("lift-suspension"), REVERT("revert");

        public final String wire;

        Action(String wire) {
            this.wire = wire;
        }
    }

    /** A line of the log: who, what, on which camera or account, why, when. */
    public record Entry(long id, String moderator, String action, Long cameraId, String account, Long reportId,
                        String reason, String detail, OffsetDateTime at) {
    }

    /** A decision about a camera, or about an account when {@code cameraId} is null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long moderatorId, Action action, Long cameraId, Long accountId, Long reportId, String reason,
                       String detail) {
        Account.getEntityManager().createNativeQuery("INSERT INTO moderation_log"
                        + " (moderator_id, action, camera_id, account_id, report_id, reason, detail, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, moderatorId).setParameter(2, action.wire).setParameter(3, cameraId)
                .setParameter(4, accountId).setParameter(5, reportId).setParameter(6, reason)
                .setParameter(7, detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1999) + "…")
                .setParameter(8, CameraService.now()).executeUpdate();
    }

    /** Up to {@code limit} lines older than the line {@code before} (all when null), newest first. */
    @Transactional
    public List<Entry> page(int limit, Long before) {
        List<Object[]> rows = Account.getEntityManager().createNativeQuery(
                        "SELECT l.id, m.username, l.action, l.camera_id, a.username, l.report_id, l.reason, l.detail, l.created_at"
                                + " FROM moderation_log l JOIN account m ON m.id = l.moderator_id"
                                + " LEFT JOIN account a ON a.id = l.account_id"
                                + " WHERE l.id < ?1 ORDER BY l.id DESC LIMIT ?2", Object[].class)
                .setParameter(1, before == null ? Long.MAX_VALUE : before).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                r[3] == null ? null : ((Number) r[3]).longValue(), (String) r[4],
                r[5] == null ? null : ((Number) r[5]).longValue(), (String) r[6], (String) r[7], Timestamps.of(r[8]))).toList();
    }
}
