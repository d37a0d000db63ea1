package org.vigie.importer.osm;

import crosby.binary.Fileformat;
import com.google.protobuf.ByteString;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the blocks of a PBF file in order on the calling thread (framing only: cheap) and has a
 * small pool inflate and decode them meanwhile. Results are handed on strictly in file order; at
 * most {@code 2 × decoders} blocks are in flight, so memory stays bounded. With no decoder, every
 * block is decoded on the calling thread, as it is read.
 */
final class PbfBlocks {

    private static final int MAX_HEADER_SIZE = 64 * 1024;
    private static final int MAX_BODY_SIZE = 32 * 1024 * 1024;
    private static final AtomicInteger POOLS = new AtomicInteger();

    /** One raw block: its type ({@code OSMHeader}, {@code OSMData}) and its still-compressed blob. */
    record Raw(String type, byte[] blob) {

        /** The block's uncompressed bytes, as osmpbf's own reader inflates them. */
        ByteString inflate() throws IOException {
            Fileformat.Blob b = Fileformat.Blob.parseFrom(blob);
            if (b.hasRaw()) {
                return b.getRaw();
            }
            if (!b.hasZlibData()) {
                throw new IOException("a " + type + " block in an unsupported compression");
            }
            byte[] out = new byte[b.getRawSize()];
            Inflater inflater = new Inflater();
            try {
                inflater.setInput(b.getZlibData().toByteArray());
                int n = inflater.inflate(out);
                if (n != out.length || !inflater.finished()) {
                    throw new IOException("a " + type + " block inflates to " + n + " bytes instead of " + out.length);
                }
            } catch (DataFormatException e) {
                throw new IOException("corrupt compressed " + type + " block: " + e.getMessage(), e);
            } finally {
                inflater.end();
            }
            return ByteString.copyFrom(out);
        }
    }

    /** Decodes one block; runs on a decoding thread. */
    interface Decoder<T> {
        T decode(Raw raw) throws IOException;
    }

    /** Receives the decoded blocks in file order, on the reading thread. */
    interface Consumer<T> {
        void accept(T decoded) throws IOException;
    }

    private PbfBlocks() {
    }

    /**
     * Reads every block of {@code in}, decodes each with {@code decoder} on one of {@code decoders}
     * threads and gives the results to {@code consumer} in file order. A decoding failure is thrown
     * here, unwrapped, once the blocks before it are consumed; the pool is always shut down.
     */
    static <T> void read(InputStream in, int decoders, Decoder<T> decoder, Consumer<T> consumer) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (decoders <= 0) {
            for (Raw raw = next(data); raw != null; raw = next(data)) {
                consumer.accept(decoder.decode(raw));
            }
            return;
        }
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(decoders, r -> {
            Thread t = new Thread(r, "vigie-pbf-decoder-" + pool + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Deque<Future<T>> inFlight = new ArrayDeque<>();
        try {
            for (Raw raw = next(data); raw != null; raw = next(data)) {
                if (inFlight.size() >= 2 * decoders) {
                    consumer.accept(await(inFlight.removeFirst()));
                }
                Raw block = raw;
                inFlight.addLast(executor.submit((Callable<T>) () -> decoder.decode(block)));
            }
            while (!inFlight.isEmpty()) {
                consumer.accept(await(inFlight.removeFirst()));
            }
        } finally {
            // On a failure (here, in a decoder or in the consumer) the blocks still in flight are dropped.
            executor.shutdownNow();
            awaitEnd(executor);
        }
    }

    /** Decoders stop within a block's decoding (milliseconds): none outlives the pass. */
    private static void awaitEnd(ExecutorService executor) {
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T await(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while decoding", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause.getMessage(), cause);
        }
    }

    /** The next block, or null at the end of the file; checks sizes as osmpbf's own reader does. */
    private static Raw next(DataInputStream in) throws IOException {
        int headerSize;
        try {
            headerSize = in.readInt();
        } catch (EOFException end) {
            return null;
        }
        if (headerSize <= 0 || headerSize > MAX_HEADER_SIZE) {
            throw new IOException("impossible block header size " + headerSize);
        }
        Fileformat.BlobHeader header = Fileformat.BlobHeader.parseFrom(readFully(in, headerSize));
        int size = header.getDatasize();
        if (size < 0 || size > MAX_BODY_SIZE) {
            throw new IOException("impossible block size " + size);
        }
        return new Raw(header.getType(), readFully(in, size));
    }

    private static byte[] readFully(DataInputStream in, int size) throws IOException {
        byte[] bytes = in.readNBytes(size);
        if (bytes.length < size) {
            throw new EOFException("the file ends inside a block");
        }
        return bytes;
    }
}
