package org.vigie.basemap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The tile server this instance relays (see {@link TileProxy}): browsers ask Vigie only, and
 * the tile server sees Vigie's requests, never the volunteers' addresses.
 */
@ConfigMapping(prefix = "vigie.basemap")
public interface BasemapConfig {

    /** The upstream tile URL template, {z}/{x}/{y}. */
    @WithDefault("https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    String upstream();

    /**
     * OpenStreetMap's tile usage policy asks for a User-Agent naming the application; an instance
     * should add a contact, for example "Vigie/0.1 (Grenoble instance; contact@example.org)".
     */
    @WithDefault("Vigie/0.1 (open-source map of surveillance cameras)")
    String userAgent();

    /** Memory the tile cache may use, in megabytes. */
    @WithDefault("64")
    int cacheMegabytes();

    /** How long a tile is kept when the tile server sends no caching headers. */
    @WithDefault("P1D")
    Duration defaultLifetime();

    @WithDefault("PT10S")
    Duration timeout();

    /**
     * Requests to the tile server per minute, all visitors together; beyond, tiles never fetched are
     * a 429 and stale ones are served as they are. 300 a minute is a busy instance's map views
     * (a view is about 12 tiles, most of them cached); OpenStreetMap's tile policy forbids heavy use.
     */
    @WithDefault("300")
    int upstreamPerMinute();
}
