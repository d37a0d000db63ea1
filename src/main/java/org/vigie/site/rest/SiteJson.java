package org.vigie.site.rest;

import org.vigie.common.geo.GeoJsonGeometry;
import org.vigie.site.Site;
import org.vigie.site.plan.FloorPlan;
import org.vigie.site.plan.rest.FloorPlanJson;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A site on the wire: its point as {@code geometry}, its outline (a Polygon, or null) and floors, each with its plan or null. */
public record SiteJson(long id, String name, String employer, String address, GeoJsonGeometry geometry,
                       GeoJsonGeometry outline, List<FloorJson> floors, long cameraCount, int version,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public record FloorJson(String level, String name, FloorPlanJson plan) {
    }

    static SiteJson of(Site site, long cameraCount, Map<String, FloorPlan> plans) {
        return new SiteJson(site.id, site.name, site.employer, site.address, GeoJsonGeometry.of(site.position),
                site.outline == null ? null : GeoJsonGeometry.of(site.outline),
                site.floors.stream().map(f -> new FloorJson(f.level, f.name,
                        plans.containsKey(f.level) ? FloorPlanJson.of(plans.get(f.level)) : null)).toList(), cameraCount, site.version,
                site.createdAt, site.updatedAt);
    }
}
