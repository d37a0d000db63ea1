package org.vigie.photo;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A photo of a camera: a JPEG re-encoded without metadata, and its thumbnail. The bytes are
 * loaded only when served (lazy columns), never for a listing.
 */
@Entity
@Table(name = "photo")
public class Photo extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "camera_id", nullable = false)
    public long cameraId;

    /** The uploader's username. */
    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    /** Whether the photo shows the camera's sign rather than the camera (issue 17). */
    @Column(name = "of_sign")
    public boolean ofSign;

    public int width;

    public int height;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] image;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] thumbnail;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "removed_at")
    public OffsetDateTime removedAt;

    @Column(name = "removed_by")
    public String removedBy;

    public boolean removed() {
        return removedAt != null;
    }
}
