package org.vigie.importer;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Reads and prepares on one thread while the transaction's thread writes: on two cores the
 * parsing and encoding overlap PostgreSQL's work. A few blocks in flight keep memory bounded.
 * Only the writing thread touches the database; a failure on either side stops both.
 */
final class ImportPipeline {

    /** What the writer receives: a block of cameras, the end of the file, or the reader's failure. */
    private record Item(List<PreparedCamera> block, Throwable failure) {
        static final Item END = new Item(null, null);
    }

    interface BlockWriter {
        void write(List<PreparedCamera> block) throws SQLException;
    }

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(4);
    private volatile boolean cancelled;
    private Thread reader;

    /** Starts {@code reading}, which hands its blocks over with {@link #hand}. */
    void startReading(Runnable reading) {
        reader = new Thread(() -> {
            try {
                reading.run();
                put(Item.END);
            } catch (CancellationException writerStopped) {
                // the writer failed and reports it
            } catch (Throwable e) {
                // Errors too (out of memory): the writer must not wait for an end that never comes.
                queue.clear();
                queue.offer(new Item(null, e));
            }
        }, "vigie-import-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Called on the reading thread: waits while the writer is busy with earlier blocks. */
    void hand(List<PreparedCamera> block) {
        put(new Item(block, null));
    }

    /** Called on the reading thread as it goes: stops reading as soon as the writer has failed. */
    void checkNotCancelled() {
        if (cancelled) {
            throw new CancellationException();
        }
    }

    /** Writes every block until the end of the file; rethrows the reader's failure; always stops the reader. */
    void drain(BlockWriter writer) throws SQLException {
        try {
            while (true) {
                Item item = queue.poll(1, TimeUnit.SECONDS);
                if (item == null) {
                    if (!reader.isAlive() && queue.isEmpty()) {
                        throw new ImportFailure("the reading thread stopped without finishing the file");
                    }
                    continue;
                }
                if (item.failure instanceof RuntimeException e) {
                    throw e;
                }
                if (item.failure != null) {
                    throw new ImportFailure("reading failed: " + item.failure, item.failure);
                }
                if (item == Item.END) {
                    return;
                }
                writer.write(item.block);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailure("the import was interrupted", e);
        } finally {
            cancelled = true;
            queue.clear();
            join();
        }
    }

    private void join() {
        try {
            reader.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(Item item) {
        checkNotCancelled();
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                checkNotCancelled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException();
        }
    }
}
