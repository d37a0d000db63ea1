package org.vigie.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns what Jackson says about a body into a problem naming the field (a dotted path such as
 * {@code properties.notes}) and a reason a client can act on. Jackson's own messages name Java types
 * ({@code java.lang.Long}, the record being read): they are never passed on as they are.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    static ProblemException of(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String reason = reason(e);
        String name = field.isEmpty() ? "body" : field;
        return new ProblemException(400, "malformed-json", "Malformed JSON",
                field.isEmpty() ? "the request body is not valid JSON" + where + ": " + reason : name + ": " + reason,
                List.of(new FieldError(name, reason)));
    }

    private static String reason(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException && String.valueOf(e.getOriginalMessage()).startsWith("must ")) {
            return ProblemScrubber.scrub(e.getOriginalMessage()); // TextScreen's own words
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String original = String.valueOf(e.getOriginalMessage());
            if (original.startsWith("Trailing token")) {
                return "has more after the JSON value: send one value only";
            }
            return "must be " + expected(mismatch.getTargetType());
        }
        String original = String.valueOf(e.getOriginalMessage());
        if (original.startsWith("Duplicate field")) {
            return "a key is given twice (" + ProblemScrubber.scrub(original.replaceFirst("^Duplicate field ", "")) + ")";
        }
        return ProblemScrubber.scrub(original.split("\n")[0]);
    }

    /** The JSON kind of value a Java type is read from, in the client's words. */
    static String expected(Class<?> type) {
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "a whole number (not text, not a decimal)";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a value of another kind";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName()
                        : ref.getIndex() >= 0 ? String.valueOf(ref.getIndex()) : "")
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining("."));
    }
}
