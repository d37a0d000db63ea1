package org.vigie.importer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** Small helpers shared by the mappers for the free text found in source data. */
public final class TextValues {

    private TextValues() {
    }

    /** The values of a {@code ;} list, trimmed and in lower case; empty for null. */
    public static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(";")).map(v -> v.strip().toLowerCase(Locale.ROOT))
                .filter(v -> !v.isEmpty()).toList();
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
        String joined = Arrays.stream(parts).filter(Objects::nonNull).map(String::strip)
                .filter(p -> !p.isEmpty()).distinct().collect(Collectors.joining(" — "));
        return joined.isEmpty() ? null : joined;
    }

    /** A number at the start of the text ("4.5", "4,5 m", "12m"), or null. */
    public static Double leadingNumber(String value) {
        if (value == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*(-?\\d+(?:[.,]\\d+)?)\\s*(?:m|meters|metres)?\\s*$")
                .matcher(value.toLowerCase(Locale.ROOT));
        return m.matches() ? Double.valueOf(m.group(1).replace(',', '.')) : null;
    }
}
