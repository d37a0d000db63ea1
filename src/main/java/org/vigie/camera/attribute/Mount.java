package org.vigie.camera.attribute;

/** What the camera is fixed on: OSM camera:mount. */
public enum Mount implements WireEnum {
    WALL, POLE, CEILING, STREET_LAMP, TRAFFIC_SIGNALS, BUILDING, OTHER, UNKNOWN;

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireEnumConverter<Mount> {
        public Converter() {
            super(Mount.class);
        }
    }
}
