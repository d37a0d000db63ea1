package org.vigie.camera.attribute;

/** Where the camera watches: OSM surveillance:zone. */
public enum Zone implements WireEnum {
    TRAFFIC, PARKING, TOWN, SHOP, BUILDING, BANK, TRANSPORT, SCHOOL, WORKPLACE, OTHER, UNKNOWN;

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireEnumConverter<Zone> {
        public Converter() {
            super(Zone.class);
        }
    }
}
