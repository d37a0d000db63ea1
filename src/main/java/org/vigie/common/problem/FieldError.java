package org.vigie.common.problem;

/** One rejected input: where it is (a dotted path such as {@code properties.fieldOfView}) and why. */
public record FieldError(String field, String reason) {
}
