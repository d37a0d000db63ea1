package org.vigie.importer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a source says a camera was first observed (issue 17): the earliest of the dates its tags
 * give, read as V29_1's back-fill reads them (a year, a month or a day, ISO 8601). A partial date
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
        LocalDate first = null;
        for (String key : KEYS) {
            LocalDate day = parse(tags.get(key));
            if (day != null && (first == null || day.isBefore(first))) {
                first = day;
            }
        }
        return first;
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
