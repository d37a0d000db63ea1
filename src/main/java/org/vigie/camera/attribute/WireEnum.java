package org.vigie.camera.attribute;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enumeration whose wire (JSON, database) value is its constant's name in lower case. */
public interface WireEnum {

    default String wire() {
        return WireNames.of((Enum<?>) this);
    }

    static <E extends Enum<E> & WireEnum> Optional<E> parse(Class<E> type, String value) {
        return value == null ? Optional.empty() : Optional.ofNullable(type.cast(WireNames.constant(type, value)));
    }

    /** The allowed values, for error messages: "one of camera, alpr, webcam". */
    static <E extends Enum<E> & WireEnum> String allowed(Class<E> type) {
        return "one of " + Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).collect(Collectors.joining(", "));
    }
}
