package org.vigie.city;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.locationtech.jts.geom.MultiPolygon;

import java.time.OffsetDateTime;

/**
 * A city (a French commune, or any area with a code) and its boundary. Written only by the
 * boundary import, in SQL ({@link org.vigie.city.boundary.CityImportService}): read-only here.
 */
@Entity
@Immutable
@Table(name = "city")
public class City extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Column(name = "name_key")
    public String nameKey;

    @Column(columnDefinition = "geometry(MultiPolygon,4326)")
    public MultiPolygon boundary;

    @Column(name = "area_km2")
    public double areaKm2;

    @Column(name = "imported_at")
    public OffsetDateTime importedAt;
}
