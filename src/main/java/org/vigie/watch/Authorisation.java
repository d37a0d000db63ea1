package org.vigie.watch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A prefectoral authorisation of video surveillance in a city, as published (an arrêté). */
@Entity
@Table(name = "city_authorisation")
public class Authorisation extends PanacheEntityBase {

    /** The Code de la sécurité intérieure (L252-4) grants five years unless the act says otherwise. */
    public static final int DEFAULT_YEARS = 5;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "city_code")
    public String cityCode;

    public String reference;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    public String authority;

    @Column(name = "cameras_authorised")
    public Integer camerasAuthorised;

    public String perimeter;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "act_url")
    public String actUrl;

    @Column(name = "recorded_by")
    public Long recordedBy;

    @Column(name = "recorded_at", insertable = false, updatable = false)
    public OffsetDateTime recordedAt;

    public boolean expiredOn(LocalDate day) {
        return validUntil.isBefore(day);
    }
}
