package org.vigie.common.geo;

/**
 * A coordinate rounded to 7 decimals (about 1 cm), as the wire carries it, and its text written
 * without {@code Double.toString}, which searches for the shortest digits of any double and took a
 * tenth of the CPU of the map's view (CameraMarkerJson). A rounded
 * coordinate is a whole number n of ten-millionths of a degree, and the shortest text of the double
 * nearest n / 10^7 is that decimal with its trailing zeros removed: the same text, digit for digit
 * ({@code CoordinateTextTest} compares them). Below 0.001° in absolute value {@code Double.toString}
 * switches to exponent notation ({@code 5.0E-4}); those are left to it.
 */
public final class CoordinateText {

    /** Enough for "-9999999.1234567", the longest text {@link #write} writes (coordinates need 12). */
    public static final int MAX_LENGTH = 16;

    private static final long SCALE = 10_000_000L;

    private CoordinateText() {
    }

    /** The ten-millionths of a degree that the wire carries. */
    public static long tenMillionths(double degrees) {
        return Math.round(degrees * 1e7);
    }

    /**
     * Writes n / 10^7 into {@code text} from 0 as {@code Double.toString(n / 1e7)} would and answers
     * its length, or 0 when |n / 10^7| is under 0.001 (zero included) or 10^7 and over: the caller
     * writes the double then.
     */
    public static int write(long n, char[] text) {
        long magnitude = Math.abs(n);
        if (magnitude < SCALE / 1000 || magnitude >= SCALE * SCALE) {
            return 0;
        }
        int length = 0;
        if (n < 0) {
            text[length++] = '-';
        }
        length = digits(magnitude / SCALE, text, length);
        text[length++] = '.';
        long fraction = magnitude % SCALE;
        if (fraction == 0) {
            text[length++] = '0';
            return length;
        }
        int start = length;
        for (long unit = SCALE / 10; unit > 0; unit /= 10) {
            text[length++] = (char) ('0' + fraction / unit % 10);
        }
        while (text[length - 1] == '0' && length > start) {
            length--;
        }
        return length;
    }

    private static int digits(long whole, char[] text, int at) {
        if (whole >= 10) {
            at = digits(whole / 10, text, at);
        }
        text[at] = (char) ('0' + whole % 10);
        return at + 1;
    }
}
