package org.vigie.moderation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.vigie.account.Account;
import org.vigie.camera.CameraService;
import org.vigie.camera.attribute.CameraStatus;
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

    /**
     * A decision's particulars, as data for the web app to word in its reader's language, each set by
     * the decision it belongs to (the others absent): the status a camera was settled as, the camera
     * a duplicate was merged into, how many reports a closing closed, a suspension's end (or that it
     * lasts until lifted), a mass revert's start and the other accounts reverted with it; {@code note},
     * a line of the log written before these facts, whose sentence had no known shape (V42).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Facts(String status, Long mergedInto, Integer reportsClosed, OffsetDateTime until, Boolean untilLifted,
                        OffsetDateTime since, List<String> with, String note) {

        static final Facts NONE = new Facts(null, null, null, null, null, null, null, null);

        static Facts settled(CameraStatus status) {
            return new Facts(status.wire(), null, null, null, null, null, null, null);
        }

        static Facts merged(long into) {
            return new Facts(null, into, null, null, null, null, null, null);
        }

        static Facts reportsClosed(int closed) {
            return new Facts(null, null, closed, null, null, null, null, null);
        }

        /** {@code until}: null for a suspension until a moderator lifts it. */
        static Facts suspended(OffsetDateTime until) {
            return new Facts(null, null, null, until, until == null ? Boolean.TRUE : null, null, null, null);
        }

        /** {@code with}: the other accounts reverted in the same decision (none: empty). */
        static Facts reverted(OffsetDateTime since, List<String> with) {
            return new Facts(null, null, null, null, null, since, with.isEmpty() ? null : with, null);
        }
    }

    /** A line of the log: who, what, on which camera or account, why, its facts, when. */
    public record Entry(long id, String moderator, String action, Long cameraId, String account, Long reportId,
                        String reason, Facts facts, OffsetDateTime at) {
    }

    private final ObjectMapper json;

    public ModerationLog(ObjectMapper json) {
        this.json = json;
    }

    /** A decision about a camera, or about an account when {@code cameraId} is null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long moderatorId, Action action, Long cameraId, Long accountId, Long reportId, String reason,
                       Facts facts) {
        String written;
        try {
            written = json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a decision's facts are always JSON", e);
        }
        Account.getEntityManager().createNativeQuery("INSERT INTO moderation_log"
                        + " (moderator_id, action, camera_id, account_id, report_id, reason, facts, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8)")
                .setParameter(1, moderatorId).setParameter(2, action.wire).setParameter(3, cameraId)
                .setParameter(4, accountId).setParameter(5, reportId).setParameter(6, reason)
                .setParameter(7, written).setParameter(8, CameraService.now()).executeUpdate();
    }

    /** Up to {@code limit} lines older than the line {@code before} (all when null), newest first. */
    @Transactional
    public List<Entry> page(int limit, Long before) {
        List<Object[]> rows = Account.getEntityManager().createNativeQuery(
                        "SELECT l.id, m.username, l.action, l.camera_id, a.username, l.report_id, l.reason, l.facts::text, l.created_at"
                                + " FROM moderation_log l JOIN account m ON m.id = l.moderator_id"
                                + " LEFT JOIN account a ON a.id = l.account_id"
                                + " WHERE l.id < ?1 ORDER BY l.id DESC LIMIT ?2", Object[].class)
                .setParameter(1, before == null ? Long.MAX_VALUE : before).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                r[3] == null ? null : ((Number) r[3]).longValue(), (String) r[4],
                r[5] == null ? null : ((Number) r[5]).longValue(), (String) r[6], facts((String) r[7]), Timestamps.of(r[8]))).toList();
    }

    private Facts facts(String stored) {
        try {
            return json.readValue(stored, Facts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the log's facts are the JSON this class wrote", e);
        }
    }
}
