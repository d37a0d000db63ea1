package org.vigie.importer;

import java.util.Arrays;

/**
 * A reusable, growing byte buffer that text is written into as UTF-8 (plain, or as a JSON string),
 * so that what is built per camera (the source digest's canonical form, the tags' JSON) needs no
 * String or byte[] of its own.
 */
final class Utf8Buffer {

    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};

    private byte[] bytes;
    private int length;
    /** The encodings of recent texts, one cache per way of encoding them. */
    private final RecentTexts recentUtf8 = new RecentTexts();
    private final RecentTexts recentJson = new RecentTexts();

    Utf8Buffer(int capacity) {
        bytes = new byte[capacity];
    }

    void clear() {
        length = 0;
    }

    /** The bytes written so far are {@code array()[0 .. length())}. */
    byte[] array() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** An ASCII character. */
    Utf8Buffer add(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
        return this;
    }

    Utf8Buffer ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** The number in decimal, as {@code StringBuilder.append(long)} writes it. */
    Utf8Buffer decimal(long value) {
        if (value == Long.MIN_VALUE) {
            return ascii(Long.toString(value));
        }
        ensure(20);
        if (value < 0) {
            bytes[length++] = '-';
            value = -value;
        }
        int end = length + digits(value);
        for (int i = end - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length = end;
        return this;
    }

    private static int digits(long positive) {
        int n = 1;
        for (long limit = 10; n < 19 && positive >= limit; limit *= 10) {
            n++;
        }
        return n;
    }

    /** The text as {@code String.getBytes(UTF_8)} encodes it: a surrogate without its pair becomes '?'. */
    Utf8Buffer utf8(String s) {
        if (recentUtf8.copy(s, this)) {
            return this;
        }
        int start = length;
        ensure(3 * s.length());
        length = encode(s, bytes, length);
        recentUtf8.keep(s, bytes, start, length);
        return this;
    }

    /**
     * Writes {@code s} into {@code b} from {@code at} as {@code String.getBytes(UTF_8)} encodes it, and
     * returns where it ends; the caller makes room for 3 bytes a char (a pair of surrogates takes 4 for 2).
     */
    static int encode(String s, byte[] b, int at) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch < 0x80) {
                b[at++] = (byte) ch;
            } else if (ch < 0x800) {
                at = twoBytes(b, at, ch);
            } else if (!Character.isSurrogate(ch)) {
                at = threeBytes(b, at, ch);
            } else if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                at = fourBytes(b, at, Character.toCodePoint(ch, s.charAt(++i)));
            } else {
                b[at++] = '?';
            }
        }
        return at;
    }

    /**
     * The text as a JSON string, as Jackson's UTF-8 generator writes it: the quote and the backslash
     * escaped, control characters as backslash-b, -t, -n, -f, -r or backslash-u00XX, each surrogate
     * (paired or not) as backslash-uXXXX in upper-case hex, everything else as UTF-8.
     */
    Utf8Buffer jsonString(String s) {
        if (recentJson.copy(s, this)) {
            return this;
        }
        int start = length;
        jsonStringOf(s);
        recentJson.keep(s, bytes, start, length);
        return this;
    }

    private void jsonStringOf(String s) {
        int n = s.length();
        ensure(2 + 6 * n); // an escaped character takes at most 6 bytes
        byte[] b = bytes;
        int at = length;
        b[at++] = '"';
        for (int i = 0; i < n; i++) {
            char ch = s.charAt(i);
            if (ch < 0x80) {
                if (ch >= 0x20 && ch != '"' && ch != '\\') {
                    b[at++] = (byte) ch;
                } else {
                    at = escape(b, at, ch);
                }
            } else if (ch < 0x800) {
                at = twoBytes(b, at, ch);
            } else if (Character.isSurrogate(ch)) {
                at = unicodeEscape(b, at, ch);
            } else {
                at = threeBytes(b, at, ch);
            }
        }
        b[at++] = '"';
        length = at;
    }

    private static int escape(byte[] b, int at, char ch) {
        char shortForm = switch (ch) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\f' -> 'f';
            case '\r' -> 'r';
            default -> 0;
        };
        if (shortForm == 0) {
            return unicodeEscape(b, at, ch);
        }
        b[at] = '\\';
        b[at + 1] = (byte) shortForm;
        return at + 2;
    }

    private static int unicodeEscape(byte[] b, int at, char ch) {
        b[at] = '\\';
        b[at + 1] = 'u';
        b[at + 2] = HEX[ch >> 12];
        b[at + 3] = HEX[(ch >> 8) & 0xF];
        b[at + 4] = HEX[(ch >> 4) & 0xF];
        b[at + 5] = HEX[ch & 0xF];
        return at + 6;
    }

    private static int twoBytes(byte[] b, int at, char ch) {
        b[at] = (byte) (0xC0 | (ch >> 6));
        b[at + 1] = (byte) (0x80 | (ch & 0x3F));
        return at + 2;
    }

    private static int threeBytes(byte[] b, int at, char ch) {
        b[at] = (byte) (0xE0 | (ch >> 12));
        b[at + 1] = (byte) (0x80 | ((ch >> 6) & 0x3F));
        b[at + 2] = (byte) (0x80 | (ch & 0x3F));
        return at + 3;
    }

    private static int fourBytes(byte[] b, int at, int codePoint) {
        b[at] = (byte) (0xF0 | (codePoint >> 18));
        b[at + 1] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
        b[at + 2] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
        b[at + 3] = (byte) (0x80 | (codePoint & 0x3F));
        return at + 4;
    }

    /** Adds an encoding kept earlier. */
    void add(byte[] encoded) {
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
