package org.vigie.city;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A city's code and name without its boundary: what a camera points to, so that loading
 * cameras never loads boundary polygons.
 */
@Entity
@Immutable
@Table(name = "city")
public class CityRef {

    @Id
    public String code;

    public String name;
}
