package org.vigie.camera.attribute;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The wire names of each enumeration's constants, lower-cased once per class instead of on every
 * call, and the constant of each name, so that parsing looks a name up instead of scanning a fresh
 * copy of the constants (an import parses several values of every camera).
 */
final class WireNames extends ClassValue<WireNames.Names> {

    static final WireNames CACHE = new WireNames();

    record Names(String[] wire, Map<String, Enum<?>> constants) {
    }

    private WireNames() {
    }

    static String of(Enum<?> constant) {
        return CACHE.get(constant.getDeclaringClass()).wire[constant.ordinal()];
    }

    /** The constant of {@code type} whose wire name is {@code wire}, or null. */
    static Enum<?> constant(Class<?> type, String wire) {
        return CACHE.get(type).constants.get(wire);
    }

    @Override
    protected Names computeValue(Class<?> type) {
        Object[] constants = type.getEnumConstants();
        String[] names = new String[constants.length];
        Map<String, Enum<?>> byName = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
            byName.putIfAbsent(names[i], (Enum<?>) constants[i]); // the first of two equal names, as a scan finds it
        }
        return new Names(names, Map.copyOf(byName));
    }
}
