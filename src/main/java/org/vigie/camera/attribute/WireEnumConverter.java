package org.vigie.camera.attribute;

import jakarta.persistence.AttributeConverter;

/** Stores a {@link WireEnum} as its wire value, which the schema's check constraints list. */
public abstract class WireEnumConverter<E extends Enum<E> & WireEnum> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected WireEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.wire();
    }

    @Override
    public E convertToEntityAttribute(String column) {
        return column == null ? null : WireEnum.parse(type, column)
                .orElseThrow(() -> new IllegalStateException("unknown " + type.getSimpleName() + " in database: " + column));
    }
}
