package org.vigie.camera.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.vigie.camera.Camera;
import org.vigie.common.geo.GeoJsonGeometry;

/**
 * A camera as a GeoJSON Feature (RFC 7946). {@code fov} is a foreign member that
 * carries the polygon of the area the camera sees, when the client asked for it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CameraFeature(String type, long id, GeoJsonGeometry geometry, CameraProperties properties,
                            GeoJsonGeometry fov) {

    public static CameraFeature of(Camera camera, boolean withFieldOfView) {
        return new CameraFeature("Feature", camera.id, GeoJsonGeometry.of(camera.position),
                CameraProperties.of(camera), withFieldOfView ? GeoJsonGeometry.of(camera.fovArea()) : null);
    }
}
