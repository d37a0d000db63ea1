package org.vigie.common.http;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An export's pause between batches: none when nobody else is answered, until the last one is, and never long. */
class ReadersFirstTest {

    private static final long LONG_MS = 10_000;

    @Test
    void anExportGoesOnAtOnceWhenNoOtherRequestIsBeingAnswered() {
        ReadersFirst readers = new ReadersFirst(true, LONG_MS);
        long took = timed(readers::yieldToReaders);
        assertTrue(took < TimeUnit.SECONDS.toNanos(1), "waited " + took / 1_000_000 + " ms");
    }

    @Test
    void anExportWaitsForTheRequestsBeingAnsweredAndGoesOnWhenTheLastEnds() throws Exception {
        ReadersFirst readers = new ReadersFirst(true, LONG_MS);
        readers.started();
        readers.started();
        CompletableFuture<Long> waited = CompletableFuture.supplyAsync(() -> timed(readers::yieldToReaders));
        Thread.sleep(50);
        readers.finished();
        Thread.sleep(50);
        assertFalse(waited.isDone(), "went on while a request was still being answered");
        readers.finished();
        long took = waited.get(5, TimeUnit.SECONDS);
        assertTrue(took < TimeUnit.MILLISECONDS.toNanos(LONG_MS / 2), "waited " + took / 1_000_000 + " ms: not woken by the end");
    }

    @Test
    void aServerThatIsNeverIdleStillGetsItsExportDone() {
        ReadersFirst readers = new ReadersFirst(true, 50);
        readers.started(); // never ends
        long took = timed(readers::yieldToReaders);
        assertTrue(took >= TimeUnit.MILLISECONDS.toNanos(45), "did not wait: " + took / 1_000_000 + " ms");
        assertTrue(took < TimeUnit.SECONDS.toNanos(5), "waited " + took / 1_000_000 + " ms");
    }

    @Test
    void turnedOffItNeverWaits() {
        ReadersFirst readers = new ReadersFirst(false, LONG_MS);
        readers.started();
        assertTrue(timed(readers::yieldToReaders) < TimeUnit.SECONDS.toNanos(1));
    }

    private static long timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return System.nanoTime() - start;
    }
}
