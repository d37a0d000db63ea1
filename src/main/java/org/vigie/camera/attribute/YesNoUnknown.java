package org.vigie.camera.attribute;

/** A fact a volunteer may not know, such as whether workstations are filmed. */
public enum YesNoUnknown implements WireEnum {
    YES, NO, UNKNOWN;

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireEnumConverter<YesNoUnknown> {
        public Converter() {
            super(YesNoUnknown.class);
        }
    }
}
