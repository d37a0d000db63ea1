package org.vigie.site;

import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.util.List;

/** What a client says about a site, already validated. The position comes from the outline when none was given. */
public record SiteDraft(String name, String employer, String address, Point position, Polygon outline,
                        List<Site.Floor> floors) {

    public static final int MAX_NAME = 200;
    public static final int MAX_EMPLOYER = 200;
    public static final int MAX_ADDRESS = 300;
    public static final int MAX_FLOORS = 50;
    public static final int MAX_FLOOR_NAME = 100;
    public static final int MAX_OUTLINE_POINTS = 1000;

    void applyTo(Site site) {
        site.name = name;
        site.employer = employer;
        site.address = address;
        site.position = position;
        site.outline = outline;
        // the same list object: Hibernate rewrites the rows that changed
        site.floors.clear();
        site.floors.addAll(floors);
    }
}
