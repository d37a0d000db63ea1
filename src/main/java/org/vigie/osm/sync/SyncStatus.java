package org.vigie.osm.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * How current the OpenStreetMap data is: the last sequence applied, the data's time then, how far
 * behind now that is, when it was applied, and why the last round stopped, if it did (null after a
 * diff applied since). All null before the first sync.
 */
public record SyncStatus(Long sequence, Instant timestamp, Long lagSeconds, Instant appliedAt,
                         String lastError, Instant lastErrorAt, boolean scheduled) {

    static SyncStatus of(Long sequence, Instant timestamp, Instant appliedAt, String lastError, Instant lastErrorAt,
                         boolean scheduled) {
        Long lag = timestamp == null ? null : Math.max(0, Duration.between(timestamp, Instant.now()).toSeconds());
        return new SyncStatus(sequence, timestamp, lag, appliedAt, lastError, lastErrorAt, scheduled);
    }
}
