package org.vigie.camera.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A GeoJSON FeatureCollection of cameras, full {@link CameraFeature}s (the map's markers are written
 * in the same shape by {@link CameraMarkerJson}). {@code truncated} says that more cameras matched
 * than {@code limit}: zoom in or filter to see them all.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CameraCollection<F>(String type, List<F> features, int count, Boolean truncated, Integer limit) {

    public static <F> CameraCollection<F> of(List<F> features) {
        return new CameraCollection<>("FeatureCollection", features, features.size(), null, null);
    }

    public static <F> CameraCollection<F> page(List<F> features, boolean truncated, int limit) {
        return new CameraCollection<>("FeatureCollection", features, features.size(), truncated, limit);
    }
}
