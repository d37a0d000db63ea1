package org.vigie.importer.osm;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds the length of one XML text or attribute value before the StAX reader holds it whole: the
 * reader keeps a text or an attribute in memory until it ends, so a file of one 1 GB attribute takes
 * gigabytes of heap. Markup always starts with '<', which no text or attribute value may contain raw:
 * a run of more than {@value #MAX_RUN} bytes without one is refused. OpenStreetMap caps a tag value
 * at 255 characters.
 */
final class XmlRunLimit extends FilterInputStream {

    static final int MAX_RUN = 1024 * 1024;

    private int run;

    XmlRunLimit(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            see((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            see(buffer[offset + i]);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return read(new byte[(int) Math.min(n, 8192)]);
    }

    private void see(byte b) throws IOException {
        if (b == '<') {
            run = 0;
        } else if (++run > MAX_RUN) {
            throw new IOException("an XML text or attribute value is longer than " + MAX_RUN
                    + " bytes (OpenStreetMap's are at most 255 characters)");
        }
    }
}
