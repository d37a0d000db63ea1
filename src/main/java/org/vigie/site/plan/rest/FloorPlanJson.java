package org.vigie.site.plan.rest;

import org.vigie.site.plan.FloorPlan;

import java.time.OffsetDateTime;

/**
 * A floor's plan on the wire: its image's address (each upload has its own, so it may be cached),
 * its size in pixels, and {@code bounds} [west, south, east, north] where it lies on the map.
 */
public record FloorPlanJson(long id, long siteId, String level, String url, int width, int height, double[] bounds,
                            int version, OffsetDateTime updatedAt) {

    public static FloorPlanJson of(FloorPlan plan) {
        return new FloorPlanJson(plan.id, plan.siteId, plan.level, FloorPlanImageResource.PATH + "/" + plan.id,
                plan.width, plan.height, plan.bounds().toArray(), plan.version, plan.updatedAt);
    }
}
