package org.vigie.common.query;

import org.vigie.common.WholeNumber;
import org.vigie.common.problem.ProblemException;

/**
 * The two query parameters of a list read a page at a time, newest first: {@code limit} (how many) and
 * {@code before} (the {@code next} of the previous page), each refused with a 400 naming it.
 */
public final class Pages {

    private Pages() {
    }

    public static int limit(String raw, int max) {
        return WholeNumber.within(raw, 1, max).orElseThrow(
                () -> ProblemException.invalid("limit", "must be a whole number from 1 to " + max));
    }

    /** Null when absent: the first page. */
    public static Long before(String raw) {
        if (raw == null) {
            return null;
        }
        return WholeNumber.longWithin(raw, 1, Long.MAX_VALUE).stream().boxed().findFirst().orElseThrow(
                () -> ProblemException.invalid("before", "must be the next of the previous page"));
    }
}
