package org.vigie.watch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.OffsetDateTime;

/**
 * What every entry of a city's registers has: its city, who recorded it, and (issue 17) a version that
 * each correction raises and the deletion that takes it off the lists while its row and history stay.
 */
@MappedSuperclass
public abstract class RegisterEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "city_code")
    public String cityCode;

    @Column(name = "recorded_by")
    public Long recordedBy;

    @Column(name = "recorded_at", insertable = false, updatable = false)
    public OffsetDateTime recordedAt;

    /** 1 when recorded, raised by each edit and by the deletion. */
    public int version = 1;

    @Column(name = "removed_at")
    public OffsetDateTime removedAt;

    @Column(name = "removed_by")
    public Long removedBy;
}
