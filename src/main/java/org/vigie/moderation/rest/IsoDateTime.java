package org.vigie.moderation.rest;

import org.vigie.common.problem.ProblemException;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** A date and time from a moderator's request body: ISO 8601 with its offset, years 1970 to 9999. */
final class IsoDateTime {

    private IsoDateTime() {
    }

    static OffsetDateTime parse(String field, String raw) {
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(raw);
            if (parsed.getYear() >= 1970 && parsed.getYear() <= 9999) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // answered below, with the field's name
        }
        throw ProblemException.invalid(field, "an ISO 8601 date and time with its offset, such as 2026-11-01T00:00:00Z");
    }
}
