package org.vigie.osm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The OpenStreetMap round trip's settings: following the replication, and sending cameras back. */
@ConfigMapping(prefix = "vigie.osm")
public interface OsmConfig {

    /** The replication server's base URL (where its state.txt is), e.g. https://planet.openstreetmap.org/replication/minute/. */
    Optional<String> replicationUrl();

    /** How often the app runs a sync round; absent, the app never syncs by itself (the `sync` command still does). */
    Optional<Duration> syncEvery();

    /** The first diff to apply when the registry has never synced: the sequence just after the extract imported. */
    Optional<Long> startSequence();

    /** OpenStreetMap's API 0.6, where moderators' uploads go. */
    @WithDefault("https://api.openstreetmap.org/api/0.6")
    String apiUrl();

    /** The collective's OAuth 2 token for that API (scope write_api); absent, uploads are refused. */
    Optional<String> apiToken();
}
