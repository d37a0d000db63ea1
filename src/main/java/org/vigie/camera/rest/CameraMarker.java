package org.vigie.camera.rest;

import org.vigie.common.geo.GeoJsonGeometry;

import java.util.List;

/**
 * A camera as the map draws it at city zoom ({@code GET /api/cameras?view=map}): a GeoJSON Feature
 * (RFC 7946) whose properties are what a marker and its cone show and what the map filters on. The
 * rest (mount, height, notes, source, raw tags, dates...) is in the full Feature,
 * {@code GET /api/cameras/{id}}, which the camera's sheet loads when opened.
 */
public record CameraMarker(String type, long id, GeoJsonGeometry geometry, Properties properties) {

    /** The same names and values as in {@link CameraProperties}. */
    public record Properties(String kind, String cameraType, String operatorType, String signage, String status,
                             List<Integer> directions, int fieldOfView, int range, String operator, int version) {
    }
}
