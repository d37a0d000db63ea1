package org.vigie.camera.attribute;

/**
 * The camera's body, OSM camera:type, with the width of view and the range assumed when a
 * volunteer does not give them: a dome can turn, so it covers a full circle.
 */
public enum CameraType implements WireEnum {
    FIXED(60, 40),
    DOME(360, 30),
    PANNING(90, 60),
    UNKNOWN(60, 30);

    private final int defaultFieldOfView;
    private final int defaultRange;

    CameraType(int defaultFieldOfView, int defaultRange) {
        this.defaultFieldOfView = defaultFieldOfView;
        this.defaultRange = defaultRange;
    }

    public int defaultFieldOfView() {
        return defaultFieldOfView;
    }

    public int defaultRange() {
        return defaultRange;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireEnumConverter<CameraType> {
        public Converter() {
            super(CameraType.class);
        }
    }
}
