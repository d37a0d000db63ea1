package org.vigie.camera.attribute;

/** Whether the legally required sign naming the operator is there. */
public enum Signage implements WireEnum {
    PRESENT, ABSENT, UNKNOWN;

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireEnumConverter<Signage> {
        public Converter() {
            super(Signage.class);
        }
    }
}
