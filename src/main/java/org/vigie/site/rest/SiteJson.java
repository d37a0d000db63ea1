package org.vigie.site.rest;

import org.vigie.common.geo.GeoJsonGeometry;
import org.vigie.site.Site;

import java.time.OffsetDateTime;
import java.util.List;

/** A site on the wire: its point as {@code geometry}, its outline (a Polygon, or null) and floors. */
public record SiteJson(long id, String name, String employer, String address, GeoJsonGeometry geometry,
                       GeoJsonGeometry outline, List<FloorJson> floors, long cameraCount, int version,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public record FloorJson(String level, String name) {
    }

    static SiteJson of(Site site, long cameraCount) {
        return new SiteJson(site.id, site.name, site.employer, site.address, GeoJsonGeometry.of(site.position),
                site.outline == null ? null : GeoJsonGeometry.of(site.outline),
                site.floors.stream().map(f -> new FloorJson(f.level, f.name)).toList(), cameraCount, site.version,
                site.createdAt, site.updatedAt);
    }
}
