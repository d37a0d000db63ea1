package org.vigie.camera.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A GeoJSON FeatureCollection of cameras. {@code truncated} says that more cameras matched than
 * {@code limit}: zoom in or filter to see them all.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CameraCollection(String type, List<CameraFeature> features, int count, Boolean truncated, Integer limit) {

    public static CameraCollection of(List<CameraFeature> features) {
        return new CameraCollection("FeatureCollection", features, features.size(), null, null);
    }

    public static CameraCollection page(List<CameraFeature> features, boolean truncated, int limit) {
        return new CameraCollection("FeatureCollection", features, features.size(), truncated, limit);
    }
}
