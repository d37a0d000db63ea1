package org.vigie.city.boundary;

/**
 * One city read from a boundary file, checked and ready to store. {@code geometryJson} is the
 * feature's GeoJSON geometry as it came; {@code feature} (1-based) says where it was in the file.
 */
public record Boundary(int feature, String code, String name, String geometryJson) {
}
