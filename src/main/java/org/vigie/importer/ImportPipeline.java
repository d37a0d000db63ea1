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
 */
final class ImportPipeline {

    /** What the writer receives: a block of cameras, the end of the file, or the reader's failure. */
    private record Item(List<PreparedCamera> block, RuntimeException failure) {
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
            } catch (CancellationException writerFailed) {
                // the writer stopped and reports its own failure
            } catch (RuntimeException e) {
                put(new Item(null, e));
            }
        }, "vigie-import-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Called on the reading thread: waits while the writer is busy with earlier blocks. */
    void hand(List<PreparedCamera> block) {
        put(new Item(block, null));
    }

    /** Writes every block until the end of the file; rethrows the reader's failure; stops the reader on its own. */
    void drain(BlockWriter writer) throws SQLException {
        try {
            while (true) {
                Item item = queue.take();
                if (item.failure != null) {
                    throw item.failure;
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
        }
    }

    private void put(Item item) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (cancelled) {
                    throw new CancellationException();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException();
        }
    }
}
