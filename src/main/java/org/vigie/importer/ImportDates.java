package org.vigie.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a source says a camera was first observed (issue 17): the earliest of the dates its tags
 * give and of the day the source saved it (an OpenStreetMap element's timestamp), read as V29_1's back-fill reads them (a year, a month or a day, ISO 8601). A partial date
 * counts from its first day; a date before 1950 or after today is no date.
 */
public final class ImportDates {

    /** OpenStreetMap's survey and check dates and date of installation, and an official list's date of commissioning. */
    public static final java.util.List<String> KEYS = java.util.List.of("survey:date", "check_date", "start_date", "vigie:date");

    private static final Pattern DATE = Pattern.compile("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?$");
    private static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

    private ImportDates() {
    }

    /** The earliest date among the {@link #KEYS} of {@code tags}, or null. */
    public static LocalDate firstSeen(Map<String, String> tags) {
        return firstSeen(tags, null);
    }

    /**
     * The earliest of the {@link #KEYS} of {@code tags} and of {@code stamped}, the day the source
     * saved the object (an OpenStreetMap element's timestamp: its version existed then, so the
     * camera did), or null when none of them is known.
     */
    public static LocalDate firstSeen(Map<String, String> tags, LocalDate stamped) {
        LocalDate first = stamped;
        for (String key : KEYS) {
            LocalDate day = parse(tags.get(key));
            if (day != null && (first == null || day.isBefore(first))) {
                first = day;
            }
        }
        return first;
    }

    /** The earlier of two days, either of which may be unknown (null). */
    public static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null || b != null && b.isBefore(a) ? b : a;
    }

    /**
     * The UTC day of a timestamp in milliseconds since 1970, or null for none: 0 or less (what a
     * file without timestamps holds) or a day after today (a clock that was wrong).
     */
    public static LocalDate stamped(long epochMillis) {
        if (epochMillis <= 0) {
            return null;
        }
        LocalDate day = java.time.Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate();
        return day.isAfter(LocalDate.now(ZoneOffset.UTC)) ? null : day;
    }

    /** The UTC day of an ISO 8601 timestamp ({@code 2014-03-01T09:12:00Z}, OSM XML's and Overpass's), or null. */
    public static LocalDate stamped(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return null;
        }
        try {
            return stamped(java.time.Instant.parse(timestamp.strip()).toEpochMilli());
        } catch (DateTimeException e) {
            return null; // metadata only: a camera is not refused for a malformed timestamp
        }
    }

    static LocalDate parse(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = DATE.matcher(value.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)),
                    m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
            return day.isBefore(EARLIEST) || day.isAfter(LocalDate.now(ZoneOffset.UTC)) ? null : day;
        } catch (DateTimeException e) {
            return null; // "2021-02-30"
        }
    }
}
