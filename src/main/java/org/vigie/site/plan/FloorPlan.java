package org.vigie.site.plan;

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
 * The plan of one floor of a site: an image re-encoded without metadata, and where it lies on the map.
 * A replaced or removed plan keeps its row, marked removed. The bytes are loaded only when served.
 */
@Entity
@Table(name = "floor_plan")
public class FloorPlan extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "site_id", nullable = false)
    public long siteId;

    /** The floor's level, as the site's floors and its cameras carry it. */
    public String level;

    public int width;

    public int height;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] image;

    public double west;
    public double south;
    public double east;
    public double north;

    public int version;

    @Column(name = "uploaded_by", nullable = false)
    public long uploadedBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "removed_at")
    public OffsetDateTime removedAt;

    @Column(name = "removed_by")
    public Long removedBy;

    public PlanBounds bounds() {
        return new PlanBounds(west, south, east, north);
    }

    void place(PlanBounds bounds) {
        west = bounds.west();
        south = bounds.south();
        east = bounds.east();
        north = bounds.north();
    }

    public boolean removed() {
        return removedAt != null;
    }
}
