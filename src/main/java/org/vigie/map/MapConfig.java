package org.vigie.map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What the map page needs to know about this instance: which tile server to draw the background
 * from (an instance may run its own) and the credit that server requires.
 */
@ConfigMapping(prefix = "vigie.map")
public interface MapConfig {

    /**
     * A Leaflet tile URL template: {z}/{x}/{y}, optionally {s} for subdomains a, b, c. By default
     * this server's relay of the tile server (org.vigie.basemap), so that browsers ask no third party.
     */
    @WithDefault("/basemap/{z}/{x}/{y}.png")
    String tileUrl();

    @WithDefault("© OpenStreetMap contributors")
    String attribution();

    @WithDefault("19")
    int maxZoom();

    /**
     * How many answers of map areas (the cameras or counts of a view) a visitor's device keeps for
     * offline use, the oldest let go first (frontend/sw.js reads it from GET /api/config).
     */
    @WithDefault("300")
    int offlineAreas();

    /** How many map tiles a visitor's device keeps for offline use (about 10 to 30 kB each). */
    @WithDefault("2000")
    int offlineTiles();
}
