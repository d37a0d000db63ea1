package org.vigie.watch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A prefectoral authorisation of video surveillance in a city, as published (an arrêté). */
@Entity
@Table(name = "city_authorisation")
public class Authorisation extends RegisterEntry {

    /** The Code de la sécurité intérieure (L252-4) grants five years unless the act says otherwise. */
    public static final int DEFAULT_YEARS = 5;

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

    public boolean expiredOn(LocalDate day) {
        return validUntil.isBefore(day);
    }
}
