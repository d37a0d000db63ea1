package org.vigie.common.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets the map's readers go first. An export streams a whole country for minutes; on a server of two
 * cores its thread, its database backend and the client's download take the CPU from the requests of
 * the people panning the map. So an export pauses between its batches while any other request is being
 * answered, and goes on as soon as none is (or after {@link #MAX_WAIT_MS} at most, so that a busy
 * server still gets exports done). Meant to bring the readers' latency near what it is alone; not shown
 * yet (BENCHMARKS.md: the A/B on a busy machine was within its noise).
 *
 * <p>Every request but the exports counts (a Vert.x handler before all others), static files and tiles
 * included: all are someone waiting for a screen. vigie.reads.exports-yield=false turns it off.
 */
@ApplicationScoped
public class ReadersFirst {

    /** The longest an export waits between two batches on a server that is never idle. */
    static final long MAX_WAIT_MS = 20;
    private static final String EXPORTS = "/api/cameras/export";

    private final boolean enabled;
    private final long maxWaitMs;
    private final AtomicInteger answering = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Object idle = new Object();

    @Inject
    public ReadersFirst(@ConfigProperty(name = "vigie.reads.exports-yield", defaultValue = "true") boolean enabled) {
        this(enabled, MAX_WAIT_MS);
    }

    ReadersFirst(boolean enabled, long maxWaitMs) {
        this.enabled = enabled;
        this.maxWaitMs = maxWaitMs;
    }

    void install(@Observes Router router) {
        if (!enabled) {
            return;
        }
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (!ctx.normalizedPath().startsWith(EXPORTS)) {
                started();
                ctx.addEndHandler(done -> finished());
            }
            ctx.next();
        });
    }

    void started() {
        answering.incrementAndGet();
    }

    void finished() {
        // the waiter counts itself before it looks at answering: one of the two sees the other
        if (answering.decrementAndGet() == 0 && waiting.get() > 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /** Waits while other requests are being answered, {@link #MAX_WAIT_MS} at most: what an export calls between batches. */
    public void yieldToReaders() {
        if (!enabled || answering.get() == 0) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxWaitMs);
        waiting.incrementAndGet();
        try {
            synchronized (idle) {
                long left;
                while (answering.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
                    idle.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Requests being answered now, exports aside. */
    int answering() {
        return answering.get();
    }
}
