package org.vigie.watch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.LocalDate;

/** An authorisation's reference and validity without the rest of the entry: what a camera names. */
@Entity
@Immutable
@Table(name = "city_authorisation")
public class AuthorisationRef {

    @Id
    public Long id;

    public String reference;

    @Column(name = "valid_until")
    public LocalDate validUntil;
}
