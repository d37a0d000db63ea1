package org.vigie.camera.attribute;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WireEnumTest {

    private static final List<Class<? extends Enum<?>>> TYPES = List.of(CameraStatus.class, CameraType.class, Capability.class,
            FilmedArea.class, Kind.class, Mount.class, OperatorType.class, Signage.class, YesNoUnknown.class, Zone.class);

    @Test
    void everyWireNameParsesToItsConstantAndNothingElseParses() {
        for (Class<? extends Enum<?>> type : TYPES) {
            for (Enum<?> constant : type.getEnumConstants()) {
                String wire = ((WireEnum) constant).wire();
                assertEquals(constant.name().toLowerCase(Locale.ROOT), wire);
                assertEquals(Optional.of(constant), parse(type, wire));
                assertEquals(Optional.empty(), parse(type, constant.name()));
                assertEquals(Optional.empty(), parse(type, " " + wire));
            }
            assertEquals(Optional.empty(), parse(type, null));
            assertEquals(Optional.empty(), parse(type, ""));
        }
        assertEquals(Optional.empty(), WireEnum.parse(Mount.class, "dome"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<?> parse(Class type, String value) {
        return WireEnum.parse(type, value);
    }
}
