package org.vigie.camera.attribute;

/** Where the camera stands in verification: removed records that a real camera was taken down. */
public enum CameraStatus implements WireEnum {
    REPORTED, VERIFIED, DISPUTED, REMOVED;

    @jakarta.persistence.Converter(autoApply = true)
    public static class Converter extends WireEnumConverter<CameraStatus> {
        public Converter() {
            super(CameraStatus.class);
        }
    }
}
