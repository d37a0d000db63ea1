package org.vigie.support;

import java.util.ArrayList;
import java.util.List;

/** The markers of a JPEG's header, up to the start of the scan: where metadata would sit. */
public final class JpegMarkers {

    private JpegMarkers() {
    }

    /** Marker codes (0xD8 for SOI, 0xE0 for APP0, ...) in file order, up to and including SOS (0xDA). */
    public static List<Integer> of(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new AssertionError("not a JPEG: it does not start with SOI");
        }
        markers.add(0xD8);
        int at = 2;
        while (at + 4 <= jpeg.length) {
            if ((jpeg[at] & 0xFF) != 0xFF) {
                throw new AssertionError("no marker at byte " + at);
            }
            int marker = jpeg[at + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                return markers;
            }
            at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
        }
        throw new AssertionError("no start of scan");
    }

    /** The markers of segments that carry metadata rather than pixels: APP0 to APP15 and comments (COM). */
    public static List<Integer> metadataSegments(byte[] jpeg) {
        return of(jpeg).stream().filter(m -> (m >= 0xE0 && m <= 0xEF) || m == 0xFE).toList();
    }

    /** True when the bytes hold {@code text} (ASCII) anywhere, scan data included. */
    public static boolean contains(byte[] bytes, String text) {
        byte[] needle = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
