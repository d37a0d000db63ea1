package org.vigie.city.rest;

import org.vigie.city.CityService;
import org.vigie.common.geo.GeoJsonGeometry;

/** A city as a GeoJSON Feature: its boundary, and its code as the Feature's id. */
public record CityFeature(String type, String id, GeoJsonGeometry geometry, Properties properties) {

    public record Properties(String code, String name, double areaKm2, long cameraCount) {
    }

    static CityFeature of(CityService.Detail detail) {
        var city = detail.city();
        return new CityFeature("Feature", city.code, GeoJsonGeometry.of(city.boundary),
                new Properties(city.code, city.name, Math.round(city.areaKm2 * 1000) / 1000.0, detail.cameraCount()));
    }
}
