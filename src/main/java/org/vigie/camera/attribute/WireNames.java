package org.vigie.camera.attribute;

import java.util.Locale;

/** The wire names of each enumeration's constants, lower-cased once per class instead of on every call. */
final class WireNames extends ClassValue<String[]> {

    static final WireNames CACHE = new WireNames();

    private WireNames() {
    }

    static String of(Enum<?> constant) {
        return CACHE.get(constant.getDeclaringClass())[constant.ordinal()];
    }

    @Override
    protected String[] computeValue(Class<?> type) {
        Object[] constants = type.getEnumConstants();
        String[] names = new String[constants.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
        }
        return names;
    }
}
