package org.vigie.importer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds what a gzip input may inflate to: a few kilobytes of zeros can inflate to gigabytes (a
 * "gzip bomb"), which the streaming readers would spend hours on. Text OpenStreetMap data inflates
 * 5 to 20 times; the bound is {@value #RATIO} times the compressed size, and never less than
 * {@value #FLOOR_MB} MB, stated in the error.
 */
final class BoundedInflation extends FilterInputStream {

    static final int RATIO = 100;
    static final int FLOOR_MB = 64;

    private final long max;
    private long inflated;

    BoundedInflation(InputStream inflating, long compressedBytes) {
        super(inflating);
        this.max = Math.max(compressedBytes * RATIO, FLOOR_MB * 1024L * 1024L);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        if (s > 0) {
            count(s);
        }
        return s;
    }

    private void count(long n) throws IOException {
        inflated += n;
        if (inflated > max) {
            throw new IOException("the gzip data inflates to more than " + max + " bytes (" + RATIO
                    + " times its compressed size, at least " + FLOOR_MB + " MB): not an OpenStreetMap or sous-surveillance.net file");
        }
    }
}
