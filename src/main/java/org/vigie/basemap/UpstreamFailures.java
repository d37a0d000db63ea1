package org.vigie.basemap;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A tile server that cannot be reached fails every tile of every visitor: logged once a minute with
 * its reason and how many tiles failed since, not once a tile (734 lines in a few minutes, each with
 * a bare "null" for a refused connection, whose exception has no message).
 */
final class UpstreamFailures {

    private static final Logger LOG = Logger.getLogger(TileProxy.class);
    private static final Duration QUIET = Duration.ofMinutes(1);

    private final Clock clock;
    private Instant lastLogged;
    private long unreported;

    UpstreamFailures(Clock clock) {
        this.clock = clock;
    }

    /** Counts a failure; logs it (with those since the last line) at most once a minute. Answers whether it logged. */
    synchronized boolean failed(String tile, Throwable cause) {
        return failed(tile, reason(cause));
    }

    synchronized boolean failed(String tile, String reason) {
        unreported++;
        Instant now = clock.instant();
        if (lastLogged != null && now.isBefore(lastLogged.plus(QUIET))) {
            return false;
        }
        LOG.warnf("tile server failed (%d tile(s) since the last report; latest %s): %s", unreported, tile, reason);
        lastLogged = now;
        unreported = 0;
        return true;
    }

    /** What went wrong, in words: the exception's kind when it carries no message. */
    static String reason(Throwable e) {
        StringBuilder why = new StringBuilder();
        for (Throwable cause = e; cause != null && why.length() < 300; cause = cause.getCause()) {
            if (why.length() > 0) {
                why.append(" <- ");
            }
            why.append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                why.append(": ").append(cause.getMessage());
            }
        }
        return why.toString();
    }
}
