package org.vigie.camera.attribute;

/** What the camera films: OSM surveillance=public|outdoor|indoor. */
public enum FilmedArea implements WireEnum {
    PUBLIC, OUTDOOR, INDOOR, UNKNOWN;

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireEnumConverter<FilmedArea> {
        public Converter() {
            super(FilmedArea.class);
        }
    }
}
