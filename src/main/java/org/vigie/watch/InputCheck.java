package org.vigie.watch;

import org.vigie.camera.attribute.WireEnum;
import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Checks a register entry's fields one by one, so that every bad field is reported at once. */
final class InputCheck {

    private final List<FieldError> errors = new ArrayList<>();

    /** A trimmed text, null when blank; {@code required} blanks and texts over {@code max} are errors. */
    String text(String field, String value, int max, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (v.length() > max) {
            errors.add(new FieldError(field, "is longer than " + max + " characters"));
        }
        return v;
    }

    /** A date written yyyy-MM-dd. */
    LocalDate date(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required (yyyy-mm-dd)"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date written yyyy-mm-dd"));
            return null;
        }
    }

    /** A link to a published document: http or https only (it is shown as a link). */
    String url(String field, String value) {
        String v = text(field, value, 2000, false);
        if (v == null) {
            return null;
        }
        try {
            URI uri = new URI(v);
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null) {
                return v;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be an http or https link"));
        return null;
    }

    <E extends Enum<E> & WireEnum> E choice(String field, Class<E> type, String value, E fallback) {
        if (value == null && fallback != null) {
            return fallback;
        }
        return WireEnum.parse(type, value == null ? null : value.strip()).orElseGet(() -> {
            errors.add(new FieldError(field, value == null ? "is required: " + WireEnum.allowed(type) : "must be " + WireEnum.allowed(type)));
            return fallback;
        });
    }

    Integer whole(String field, Integer value, int min, int max, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (value < min || value > max) {
            errors.add(new FieldError(field, "must be from " + min + " to " + max));
        }
        return value;
    }

    void fail(String field, String reason) {
        errors.add(new FieldError(field, reason));
    }

    /** Throws the 400 problem naming every rejected field, if any. */
    void done() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
