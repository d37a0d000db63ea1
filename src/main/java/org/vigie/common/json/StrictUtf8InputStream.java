package org.vigie.common.json;

import com.fasterxml.jackson.core.JsonParseException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a request body through while checking that it is well-formed UTF-8 (RFC 3629): Jackson's
 * own decoder accepts overlong forms (0xC0 0xAF for "/") and encoded surrogates, which would then be
 * stored as characters the client never wrote plainly. A malformed byte fails the read as malformed JSON.
 */
final class StrictUtf8InputStream extends FilterInputStream {

    /** Continuation bytes still expected, and the bounds of the next one (narrower after E0, ED, F0, F4). */
    private int pending;
    private int low = 0x80;
    private int high = 0xBF;
    private long offset;

    StrictUtf8InputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            check(b);
        } else if (pending > 0) {
            throw malformed("the body ends inside a UTF-8 sequence");
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int from, int length) throws IOException {
        int n = super.read(buffer, from, length);
        for (int i = 0; i < n; i++) {
            check(buffer[from + i] & 0xFF);
        }
        if (n < 0 && pending > 0) {
            throw malformed("the body ends inside a UTF-8 sequence");
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        int read = read(sink, 0, sink.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void check(int b) throws JsonParseException {
        offset++;
        if (pending > 0) {
            if (b < low || b > high) {
                throw malformed("invalid UTF-8 at byte " + offset + " (an overlong form, an encoded surrogate or a cut sequence)");
            }
            pending--;
            low = 0x80;
            high = 0xBF;
            return;
        }
        if (b < 0x80) {
            return;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b == 0xE0) {
            pending = 2;
            low = 0xA0;
        } else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
            pending = 2;
        } else if (b == 0xED) {
            pending = 2;
            high = 0x9F;
        } else if (b == 0xF0) {
            pending = 3;
            low = 0x90;
        } else if (b >= 0xF1 && b <= 0xF3) {
            pending = 3;
        } else if (b == 0xF4) {
            pending = 3;
            high = 0x8F;
        } else {
            throw malformed("invalid UTF-8 at byte " + offset + " (0x" + Integer.toHexString(b).toUpperCase() + " starts no character)");
        }
    }

    private static JsonParseException malformed(String why) {
        return new JsonParseException(null, why);
    }
}
