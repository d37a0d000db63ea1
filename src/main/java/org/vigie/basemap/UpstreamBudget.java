package org.vigie.basemap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How many requests this instance may send the tile server in a minute, all visitors together: the
 * instance must never become a free proxy that gets it blocked (OpenStreetMap's tile usage policy).
 * A fixed window per minute: simple, and at worst twice the rate across a window's edge.
 */
final class UpstreamBudget {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final Clock clock;
    private Instant windowStart = Instant.EPOCH;
    private int spent;

    UpstreamBudget(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes one fetch from the budget; false when this minute's is spent. */
    synchronized boolean take() {
        roll();
        if (spent >= perMinute) {
            return false;
        }
        spent++;
        return true;
    }

    /** Seconds until the budget is renewed. */
    synchronized long secondsToRenewal() {
        roll();
        return Math.max(1, Duration.between(clock.instant(), windowStart.plus(WINDOW)).toSeconds() + 1);
    }

    int perMinute() {
        return perMinute;
    }

    private void roll() {
        Instant now = clock.instant();
        if (!now.isBefore(windowStart.plus(WINDOW))) {
            windowStart = now;
            spent = 0;
        }
    }
}
