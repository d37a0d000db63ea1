package org.vigie.camera.rest;

import org.vigie.common.problem.FieldError;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code firstSeenFrom} and {@code firstSeenTo} filters of a camera search (issue 17), both
 * days included. Each takes a day, a month or a year, as the sources date cameras: a period starts
 * on its first day and ends on its last, so that {@code firstSeenTo=2014} means "before 2015".
 */
record FirstSeenRange(LocalDate from, LocalDate to) {

    /** yyyy, yyyy-mm or yyyy-mm-dd; the OpenAPI document gives it as the parameters' pattern. */
    static final String PATTERN = "^\\d{4}(-\\d{2}(-\\d{2})?)?$";
    private static final Pattern PERIOD = Pattern.compile(PATTERN);
    private static final String EXPECTED = "must be a day (yyyy-mm-dd), a month (yyyy-mm) or a year (yyyy)";

    /** The range the two parameters give (absent or blank: no bound); each refused value adds its error. */
    static FirstSeenRange parse(String from, String to, List<FieldError> errors) {
        LocalDate first = bound("firstSeenFrom", from, false, errors);
        LocalDate last = bound("firstSeenTo", to, true, errors);
        if (first != null && last != null && last.isBefore(first)) {
            errors.add(new FieldError("firstSeenTo", "must not be before firstSeenFrom (" + first + ")"));
        }
        return new FirstSeenRange(first, last);
    }

    /** The period's first day, or its last when {@code end}; null when absent or refused. */
    private static LocalDate bound(String name, String raw, boolean end, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Matcher m = PERIOD.matcher(raw.strip());
        if (m.matches()) {
            String[] parts = raw.strip().split("-");
            try {
                int year = Integer.parseInt(parts[0]);
                if (parts.length == 1) {
                    return end ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
                }
                YearMonth month = YearMonth.of(year, Integer.parseInt(parts[1]));
                if (parts.length == 2) {
                    return end ? month.atEndOfMonth() : month.atDay(1);
                }
                return month.atDay(Integer.parseInt(parts[2]));
            } catch (DateTimeException e) {
                // 2015-13, 2015-02-30: refused below
            }
        }
        errors.add(new FieldError(name, EXPECTED + ", not \"" + raw.strip() + "\""));
        return null;
    }
}
