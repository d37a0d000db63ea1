package org.vigie.importer;

import org.vigie.camera.attribute.WireEnum;

/**
 * Each constant of an enumeration as a COPY text field (its length, then its wire name), encoded
 * once: a camera's rows carry nine of them, which would otherwise be looked up and encoded each time.
 */
final class WireFields<E extends Enum<E> & WireEnum> {

    private final byte[][] fields;

    WireFields(Class<E> type) {
        E[] constants = type.getEnumConstants();
        fields = new byte[constants.length][];
        BinaryCopy field = new BinaryCopy(32);
        for (E constant : constants) {
            fields[constant.ordinal()] = field.text(constant.wire()).take();
        }
    }

    byte[] of(E constant) {
        return fields[constant.ordinal()];
    }
}
