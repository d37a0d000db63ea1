package org.vigie.camera.attribute;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** Capabilities are stored as a text[] of wire values, in a stable order. */
@Converter
public class CapabilitiesConverter implements AttributeConverter<Set<Capability>, String[]> {

    @Override
    public String[] convertToDatabaseColumn(Set<Capability> capabilities) {
        Set<Capability> ordered = EnumSet.noneOf(Capability.class);
        if (capabilities != null) {
            ordered.addAll(capabilities);
        }
        return ordered.stream().map(Capability::wire).toArray(String[]::new);
    }

    @Override
    public Set<Capability> convertToEntityAttribute(String[] column) {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        if (column != null) {
            Arrays.stream(column).map(c -> WireEnum.parse(Capability.class, c).orElseThrow(
                    () -> new IllegalStateException("unknown capability in database: " + c))).forEach(capabilities::add);
        }
        return capabilities;
    }
}
