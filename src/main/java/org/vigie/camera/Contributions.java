package org.vigie.camera;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.vigie.account.Account;
import org.vigie.common.sql.Timestamps;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What one account wrote, like an OpenStreetMap user's history: the versions it authored, newest
 * first, a page at a time. Readers other than moderators do not see the versions of a camera a
 * moderator hid (its history is for moderators only, {@link CameraService#history}).
 */
@ApplicationScoped
public class Contributions {

    /** One version the account wrote; {@code id} is the cursor of the next page. */
    public record Contribution(long id, long cameraId, int version, String action, List<String> changedFields,
                               OffsetDateTime at) {
    }

    private static final String HIDDEN_BY_MODERATION = " AND (c.visible OR NOT EXISTS (SELECT 1 FROM camera_version l"
            + " WHERE l.camera_id = c.id AND l.version = c.version AND l.action IN ('hide', 'revert')))";

    /**
     * Up to {@code limit} versions by the account, older than the version row {@code before} (from
     * the newest when null); {@code moderator}: the versions of hidden cameras too.
     */
    @Transactional
    public List<Contribution> page(Account author, int limit, Long before, boolean moderator) {
        // (created_at, id) descending: the order camera_version_author_idx serves.
        List<Object[]> rows = Account.getEntityManager().createNativeQuery(
                        "SELECT v.id, v.camera_id, v.version, v.action, v.changed_fields, v.created_at"
                                + " FROM camera_version v JOIN camera c ON c.id = v.camera_id"
                                + " WHERE v.author_id = ?1"
                                + " AND (CAST(?2 AS bigint) IS NULL OR (v.created_at, v.id) <"
                                + "   (SELECT b.created_at, b.id FROM camera_version b WHERE b.id = CAST(?2 AS bigint)))"
                                + (moderator ? "" : HIDDEN_BY_MODERATION)
                                + " ORDER BY v.created_at DESC, v.id DESC LIMIT ?3", Object[].class)
                .setParameter(1, author.id).setParameter(2, before).setParameter(3, limit).getResultList();
        return rows.stream().map(r -> new Contribution(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                ((Number) r[2]).intValue(), (String) r[3], texts(r[4]),
                Timestamps.of(r[5]))).toList();
    }

    private static List<String> texts(Object array) {
        try {
            Object values = array instanceof java.sql.Array sql ? sql.getArray() : array;
            return values == null ? List.of() : List.of((String[]) values);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("changed_fields is a text array", e);
        }
    }
}
