package org.vigie.account;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Roles are stored by their wire name, as the schema's check constraint lists them. */
@Converter
public class RoleConverter implements AttributeConverter<Role, String> {

    @Override
    public String convertToDatabaseColumn(Role role) {
        return role == null ? null : role.wire();
    }

    @Override
    public Role convertToEntityAttribute(String value) {
        return value == null ? null : Role.ofWire(value).orElseThrow(() -> new IllegalStateException("unknown role " + value));
    }
}
