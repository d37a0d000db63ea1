package org.vigie.camera;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.vigie.account.Account;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One version of a camera as it was written: append-only, never updated. Immutable also spares
 * Hibernate from dirty-checking the JSON snapshot of every version a session reads (it would
 * rewrite each row, identical, at flush).
 */
@Entity
@Immutable
@Table(name = "camera_version")
public class CameraVersion extends PanacheEntityBase {

    public enum Action {
        CREATE, UPDATE, DELETE, IMPORT, REVERT, HIDE, RESTORE, MERGE;

        /** Whether the version only shows or hides the camera, its content unchanged. */
        boolean changesVisibilityOnly() {
            return this == DELETE || this == HIDE || this == RESTORE || this == MERGE;
        }

    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "camera_id")
    public long cameraId;

    public int version;

    /** Stored in lower case, as the schema's check constraint lists it. */
    public String action;

    @Column(name = "changed_fields", columnDefinition = "text[]")
    public String[] changedFields;

    /** The camera's GeoJSON Feature at this version, as stored: readers want {@link #wholeSnapshot}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> snapshot;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** Who wrote this version; null for imports and versions older than accounts. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id")
    public Account author;

    /**
     * Why the version was written, when its action alone does not say (OpenStreetMap deleted the
     * object, an import merged a duplicate): given to CameraWrites.newVersion, never changed after.
     */
    @Column(updatable = false)
    public String reason;

    /**
     * Whether this version, when it left the camera invisible, took it down by moderation (a hide,
     * or a mass revert of its creation) rather than deleted it.
     */
    boolean hidesContent() {
        return Action.HIDE.name().equalsIgnoreCase(action) || Action.REVERT.name().equalsIgnoreCase(action);
    }

    /** The camera's GeoJSON Feature at this version, with every property ({@link CameraSnapshots#expand}). */
    public Map<String, Object> wholeSnapshot() {
        return CameraSnapshots.expand(snapshot);
    }

    /** Every version, oldest first, with its author's account loaded. */
    public static List<CameraVersion> of(long cameraId) {
        return list("from CameraVersion v left join fetch v.author where v.cameraId = ?1 order by v.version", cameraId);
    }
}
