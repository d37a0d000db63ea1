package org.vigie.common.http;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.vigie.common.problem.ProblemException;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads that can each take the database for seconds (a world export, live clusters over a large
 * area) run at most vigie.reads.expensive-at-once at a time, so that a few of them, anonymous as
 * they may be, leave the database to the map's readers. Beyond, 503 with Retry-After at once rather
 * than a queue that would hold connections and memory.
 */
@ApplicationScoped
public class ExpensiveReads {

    static final int RETRY_AFTER_SECONDS = 2;

    private final Semaphore permits;
    private final int atOnce;

    public ExpensiveReads(@ConfigProperty(name = "vigie.reads.expensive-at-once", defaultValue = "2") int atOnce) {
        this.atOnce = atOnce;
        this.permits = new Semaphore(atOnce);
    }

    /** One of the permits, to close once the read is written out (a streamed export: at its end). */
    public Permit enter() {
        if (!permits.tryAcquire()) {
            throw new ProblemException(503, "busy", "Busy",
                    "too many requests of this kind at once: try again in " + RETRY_AFTER_SECONDS + " s")
                    .with("atOnce", atOnce)
                    .header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        }
        return new Permit(permits);
    }

    /** Released once, however often it is closed. */
    public static final class Permit implements AutoCloseable {
        private final Semaphore permits;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(Semaphore permits) {
            this.permits = permits;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        }
    }
}
