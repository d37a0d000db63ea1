package org.vigie.site;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A workplace or public building whose cameras staff representatives map (a town hall, an office):
 * its place, optional outline, and floors. Edits are versioned as cameras' are (a stale version is a 409).
 */
@Entity
@Table(name = "site")
public class Site extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    /** Who runs the site and owes its staff the duties of the report. */
    public String employer;

    public String address;

    @Column(columnDefinition = "geometry(Point,4326)", nullable = false)
    public Point position;

    @Column(columnDefinition = "geometry(Polygon,4326)")
    public Polygon outline;

    /** In the order the site lists them, usually from the lowest. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "site_floor", joinColumns = @JoinColumn(name = "site_id"))
    @OrderColumn(name = "position")
    public List<Floor> floors = new ArrayList<>();

    public int version;

    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Set once deleted: the row and its history stay, reads answer 410. */
    @Column(name = "removed_at")
    public OffsetDateTime removedAt;

    @Column(name = "removed_by")
    public Long removedBy;

    /** One floor: the {@code level} its cameras carry ("0", "1", "-1") and the name people use. */
    @Embeddable
    public static class Floor {

        public String level;

        public String name;

        public Floor() {
        }

        public Floor(String level, String name) {
            this.level = level;
            this.name = name;
        }
    }
}
