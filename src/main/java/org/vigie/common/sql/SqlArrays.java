package org.vigie.common.sql;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Numbers as a Postgres array literal, for {@code CAST(?1 AS bigint[])} in native queries: it
 * binds the same way through every driver path, unlike Java arrays.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static String of(Collection<?> numbers) {
        return numbers.stream().map(n -> String.valueOf(((Number) n).longValue())).collect(Collectors.joining(",", "{", "}"));
    }
}
