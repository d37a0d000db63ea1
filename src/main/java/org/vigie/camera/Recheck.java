package org.vigie.camera;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * When a camera is due for a fresh look: nobody confirmed it (or added it) for longer than
 * {@code vigie.verification.recheck-after}. Held here, set once at startup, because every
 * Feature written by the API carries the flag and the Feature mapping is static.
 */
public final class Recheck {

    private static volatile Duration after = Duration.ofDays(730);

    private Recheck() {
    }

    public static void after(Duration period) {
        after = period;
    }

    /**
     * The instant before which a camera last seen is due: the "to re-check" filter compares the
     * stored dates with it, so that the filter and the flag on each camera agree.
     */
    public static OffsetDateTime seenBefore() {
        return OffsetDateTime.now().minus(after);
    }

    public static boolean due(Camera camera) {
        return due(camera.lastConfirmedAt, camera.createdAt);
    }

    public static boolean due(OffsetDateTime lastConfirmedAt, OffsetDateTime createdAt) {
        OffsetDateTime seen = lastConfirmedAt != null ? lastConfirmedAt : createdAt;
        return seen != null && seen.isBefore(seenBefore());
    }
}
