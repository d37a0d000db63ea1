package org.vigie.camera.attribute;

/** What the camera can do beyond filming. */
public enum Capability implements WireEnum {
    ZOOM, PTZ, AUDIO, INFRARED, ALPR, FACE_RECOGNITION, SPEAKER;

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireEnumConverter<Capability> {
        public Converter() {
            super(Capability.class);
        }
    }
}
