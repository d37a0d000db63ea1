package org.vigie.city.boundary;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * Checks the shape of a GeoJSON boundary geometry before the database sees it, so that a bad
 * feature is reported in words ("ring 2 is not closed") rather than as a PostGIS error.
 * Self-intersections are not refused: the import repairs them (ST_MakeValid).
 */
public final class BoundaryGeometry {

    private BoundaryGeometry() {
    }

    /** Why the geometry cannot be a city boundary, or empty when it can. */
    public static Optional<String> problem(JsonNode geometry) {
        if (geometry == null || geometry.isNull() || geometry.isMissingNode()) {
            return Optional.of("has no geometry");
        }
        String type = geometry.path("type").asText("");
        JsonNode coordinates = geometry.path("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coordinates, "");
            case "MultiPolygon" -> multiPolygon(coordinates);
            case "" -> Optional.of("geometry has no type");
            default -> Optional.of("geometry is a " + type + ": a boundary must be a Polygon or a MultiPolygon");
        };
    }

    private static Optional<String> multiPolygon(JsonNode polygons) {
        if (!polygons.isArray() || polygons.isEmpty()) {
            return Optional.of("MultiPolygon coordinates must be a non-empty array of polygons");
        }
        for (int i = 0; i < polygons.size(); i++) {
            Optional<String> problem = polygon(polygons.get(i), "polygon " + (i + 1) + ": ");
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> polygon(JsonNode rings, String where) {
        if (!rings.isArray() || rings.isEmpty()) {
            return Optional.of(where + "Polygon coordinates must be a non-empty array of rings");
        }
        for (int r = 0; r < rings.size(); r++) {
            Optional<String> problem = ring(rings.get(r), where + "ring " + (r + 1));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> ring(JsonNode positions, String where) {
        if (!positions.isArray() || positions.size() < 4) {
            return Optional.of(where + " must have at least 4 positions (a closed ring)");
        }
        for (int p = 0; p < positions.size(); p++) {
            JsonNode position = positions.get(p);
            if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                return Optional.of(where + ", position " + (p + 1) + " is not [longitude, latitude]");
            }
            double lon = position.get(0).asDouble();
            double lat = position.get(1).asDouble();
            if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
                return Optional.of(where + ", position " + (p + 1) + " [" + lon + ", " + lat
                        + "] is outside longitude -180..180, latitude -90..90");
            }
        }
        JsonNode first = positions.get(0);
        JsonNode last = positions.get(positions.size() - 1);
        if (first.get(0).asDouble() != last.get(0).asDouble() || first.get(1).asDouble() != last.get(1).asDouble()) {
            return Optional.of(where + " is not closed: its last position must repeat the first");
        }
        return Optional.empty();
    }
}
