package org.vigie.camera.rest;

import org.vigie.camera.Camera;
import org.vigie.common.geo.GeoJsonGeometry;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The area a camera sees, as a GeoJSON Feature with a Polygon or MultiPolygon geometry. */
public record FieldOfViewFeature(String type, long id, GeoJsonGeometry geometry, Map<String, Object> properties) {

    public static FieldOfViewFeature of(Camera camera) {
        List<Integer> directions = Arrays.stream(camera.directions).boxed().toList();
        return new FieldOfViewFeature("Feature", camera.id, GeoJsonGeometry.of(camera.fovArea()), Map.of(
                "cameraId", camera.id,
                "directions", directions,
                "fieldOfView", camera.fieldOfView,
                "range", camera.range,
                "version", camera.version));
    }
}
