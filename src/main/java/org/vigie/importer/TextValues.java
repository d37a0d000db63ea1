package org.vigie.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Small helpers shared by the mappers for the free text found in source data. */
public final class TextValues {

    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(-?\\d+(?:[.,]\\d+)?)\\s*(?:m|meters|metres)?\\s*$");

    private TextValues() {
    }

    /** The values of a {@code ;} list, trimmed and in lower case; empty for null. Not to be modified. */
    public static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        if (value.indexOf(';') < 0) {
            // Most values are one word: the loop below would give this one part.
            String v = trimmedLowerCase(value);
            return v.isEmpty() ? List.of() : List.of(v);
        }
        // A loop, not a stream: called for several tags of every object of an import.
        List<String> values = new ArrayList<>(2);
        int start = 0;
        while (start <= value.length()) {
            int end = value.indexOf(';', start);
            if (end < 0) {
                end = value.length();
            }
            String v = trimmedLowerCase(value.substring(start, end));
            if (!v.isEmpty()) {
                values.add(v);
            }
            start = end + 1;
        }
        return values;
    }

    /** {@code value.strip().toLowerCase(Locale.ROOT)}, without either's scan for the usual value (visible ASCII, no capital). */
    public static String trimmedLowerCase(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c >= 0x7F || (c >= 'A' && c <= 'Z')) {
                return value.strip().toLowerCase(Locale.ROOT);
            }
        }
        return value; // nothing to strip (no white space is visible ASCII), nothing to lower
    }

    /** Trimmed text cut to {@code max} characters; null when blank. */
    public static String clip(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** The non-blank parts joined by " — ", or null. */
    public static String join(String... parts) {
        if (allNull(parts)) {
            return null; // most imported objects have neither name nor description: no stream for them
        }
        String joined = Arrays.stream(parts).filter(Objects::nonNull).map(String::strip)
                .filter(p -> !p.isEmpty()).distinct().collect(Collectors.joining(" — "));
        return joined.isEmpty() ? null : joined;
    }

    private static boolean allNull(String[] parts) {
        for (String part : parts) {
            if (part != null) {
                return false;
            }
        }
        return true;
    }

    /** A number at the start of the text ("4.5", "4,5 m", "12m"), or null. */
    public static Double leadingNumber(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = LEADING_NUMBER.matcher(value.toLowerCase(Locale.ROOT));
        return m.matches() ? Double.valueOf(m.group(1).replace(',', '.')) : null;
    }
}
