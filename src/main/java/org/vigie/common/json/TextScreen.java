package org.vigie.common.json;

/**
 * What a text sent by a client may not carry, because it would be stored altered or shown misleadingly:
 * NUL (PostgreSQL refuses it), other C0 control characters (tab and line breaks excepted), UTF-16
 * surrogates that do not pair (sent as JSON escapes such as \uD800: no character, and no valid UTF-8
 * to store), and the bidirectional embedding, override and isolate controls (U+202A to U+202E, U+2066
 * to U+2069), which can make a note or an operator's name read backwards. The marks U+200E and U+200F,
 * which right-to-left text needs, are allowed.
 */
public final class TextScreen {

    private TextScreen() {
    }

    /** Why {@code text} is refused, or null when it is acceptable. */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "must not contain NUL characters (\\u0000)";
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return "must not contain control characters (U+" + hex(c) + ")";
            }
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return "must not contain bidirectional override characters (U+" + hex(c) + ")";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain an unpaired UTF-16 surrogate (U+" + hex(c) + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain an unpaired UTF-16 surrogate (U+" + hex(c) + ")";
            }
        }
        return null;
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
