package org.vigie.camera.attribute;

/** What watches: OSM surveillance:type. */
public enum Kind implements WireEnum {
    CAMERA, ALPR, WEBCAM, GUARD, OTHER;

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireEnumConverter<Kind> {
        public Converter() {
            super(Kind.class);
        }
    }
}
