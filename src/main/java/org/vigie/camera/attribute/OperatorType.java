package org.vigie.camera.attribute;

/** Who runs the camera: OSM operator:type. */
public enum OperatorType implements WireEnum {
    PUBLIC, PRIVATE, UNKNOWN;

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireEnumConverter<OperatorType> {
        public Converter() {
            super(OperatorType.class);
        }
    }
}
