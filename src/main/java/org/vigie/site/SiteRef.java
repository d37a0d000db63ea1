package org.vigie.site;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** A site's id and name without its outline: what a camera points to. */
@Entity
@Immutable
@Table(name = "site")
public class SiteRef {

    @Id
    public Long id;

    public String name;

    /** A deleted site is offered to no camera. */
    @jakarta.persistence.Column(name = "removed_at")
    public java.time.OffsetDateTime removedAt;
}
