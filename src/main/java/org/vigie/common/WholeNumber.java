package org.vigie.common;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Query parameters that must be whole numbers within bounds, taken as text: a JAX-RS {@code int}
 * parameter that does not parse answers 404, where the client needs a 400 naming the field.
 */
public final class WholeNumber {

    private WholeNumber() {
    }

    /** The number {@code raw} spells (spaces around allowed), when it is within [min, max]; empty otherwise. */
    public static OptionalInt within(String raw, int min, int max) {
        if (raw == null) {
            return OptionalInt.empty();
        }
        try {
            int value = Integer.parseInt(raw.strip());
            return value >= min && value <= max ? OptionalInt.of(value) : OptionalInt.empty();
        } catch (NumberFormatException notANumber) {
            return OptionalInt.empty();
        }
    }

    /** As {@link #within(String, int, int)}, for ids. */
    public static OptionalLong longWithin(String raw, long min, long max) {
        if (raw == null) {
            return OptionalLong.empty();
        }
        try {
            long value = Long.parseLong(raw.strip());
            return value >= min && value <= max ? OptionalLong.of(value) : OptionalLong.empty();
        } catch (NumberFormatException notANumber) {
            return OptionalLong.empty();
        }
    }
}
