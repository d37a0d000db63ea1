package org.vigie.camera.attribute;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enumeration whose wire (JSON, database) value is its constant's name in lower case. */
public interface WireEnum {

    default String wire() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & WireEnum> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.wire().equals(value)).findFirst();
    }

    /** The allowed values, for error messages: "one of camera, alpr, webcam". */
    static <E extends Enum<E> & WireEnum> String allowed(Class<E> type) {
        return "one of " + Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).collect(Collectors.joining(", "));
    }
}
