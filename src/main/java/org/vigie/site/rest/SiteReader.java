package org.vigie.site.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.vigie.camera.CameraDraft;
import org.vigie.common.geo.Geometries;
import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;
import org.vigie.site.Site;
import org.vigie.site.SiteDraft;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a site sent by a client, {@code {name, employer, address, geometry, outline, floors}}, into a
 * {@link SiteDraft}, collecting every rejected field. The members the server answers (id, version,
 * cameraCount, dates) may be sent back as they came: they are ignored.
 */
final class SiteReader {

    private static final Set<String> WRITABLE = Set.of("name", "employer", "address", "geometry", "outline", "floors");
    private static final Set<String> READ_ONLY = Set.of("id", "version", "cameraCount", "createdAt", "updatedAt");

    private final List<FieldError> errors = new ArrayList<>();

    private SiteReader() {
    }

    static SiteDraft read(JsonNode body) {
        return new SiteReader().readSite(body);
    }

    private SiteDraft readSite(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid("body", "a site object is required: {name, employer, address, geometry, outline, floors}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!WRITABLE.contains(name) && !READ_ONLY.contains(name)) {
                errors.add(new FieldError(name, "unknown member"));
            }
        }
        String name = text(body, "name", SiteDraft.MAX_NAME);
        if (name == null && errors.stream().noneMatch(e -> e.field().equals("name"))) {
            errors.add(new FieldError("name", "is required"));
        }
        Polygon outline = outline(body.get("outline"));
        Point position = point(body.get("geometry"), outline);
        SiteDraft draft = new SiteDraft(name, text(body, "employer", SiteDraft.MAX_EMPLOYER),
                text(body, "address", SiteDraft.MAX_ADDRESS), position, outline, floors(body.get("floors")));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return draft;
    }

    private String text(JsonNode body, String field, int max) {
        return text(body, field, field, max);
    }

    /** {@code label} names the field in errors ("floors[2].name"). */
    private String text(JsonNode body, String field, String label, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(label, "must be a string"));
            return null;
        }
        String value = node.asText().strip();
        if (value.indexOf('\0') >= 0) {
            errors.add(new FieldError(label, "must not contain NUL characters"));
            return null;
        }
        if (value.codePointCount(0, value.length()) > max) {
            errors.add(new FieldError(label, "must be at most " + max + " characters"));
            return null;
        }
        return value.isEmpty() ? null : value;
    }

    /** The Point given, or else a point inside the outline; one of them is required. */
    private Point point(JsonNode geometry, Polygon outline) {
        if (geometry == null || geometry.isNull()) {
            if (outline != null) {
                return Geometries.point(outline.getInteriorPoint().getX(), outline.getInteriorPoint().getY());
            }
            if (errors.stream().noneMatch(e -> e.field().startsWith("outline"))) {
                errors.add(new FieldError("geometry", "is required: a GeoJSON Point (or an outline)"));
            }
            return null;
        }
        if (!"Point".equals(geometry.path("type").asText())) {
            errors.add(new FieldError("geometry.type", "must be \"Point\""));
            return null;
        }
        Coordinate c = position(geometry.get("coordinates"), "geometry.coordinates");
        return c == null ? null : Geometries.point(c.x, c.y);
    }

    private Polygon outline(JsonNode outline) {
        if (outline == null || outline.isNull()) {
            return null;
        }
        if (!"Polygon".equals(outline.path("type").asText())) {
            errors.add(new FieldError("outline.type", "must be \"Polygon\""));
            return null;
        }
        JsonNode rings = outline.get("coordinates");
        if (rings == null || !rings.isArray() || rings.size() != 1) {
            errors.add(new FieldError("outline.coordinates", "must hold one ring (a building's outline has no holes)"));
            return null;
        }
        JsonNode ring = rings.get(0);
        if (!ring.isArray() || ring.size() < 4 || ring.size() > SiteDraft.MAX_OUTLINE_POINTS) {
            errors.add(new FieldError("outline.coordinates[0]", "must be a closed ring of 4 to "
                    + SiteDraft.MAX_OUTLINE_POINTS + " positions"));
            return null;
        }
        Coordinate[] coordinates = new Coordinate[ring.size()];
        for (int i = 0; i < ring.size(); i++) {
            coordinates[i] = position(ring.get(i), "outline.coordinates[0][" + i + "]");
            if (coordinates[i] == null) {
                return null;
            }
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            errors.add(new FieldError("outline.coordinates[0]", "the ring must end where it starts"));
            return null;
        }
        Polygon polygon = Geometries.ring(coordinates);
        if (!polygon.isValid()) {
            errors.add(new FieldError("outline", "the ring crosses itself or has no area"));
            return null;
        }
        return polygon;
    }

    private Coordinate position(JsonNode node, String field) {
        if (node == null || !node.isArray() || node.size() < 2 || node.size() > 3
                || !node.get(0).isNumber() || !node.get(1).isNumber()) {
            errors.add(new FieldError(field, "must be [longitude, latitude]"));
            return null;
        }
        double lon = node.get(0).asDouble();
        double lat = node.get(1).asDouble();
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
            errors.add(new FieldError(field, "longitude from -180 to 180, latitude from -90 to 90"));
            return null;
        }
        return new Coordinate(lon, lat);
    }

    private List<Site.Floor> floors(JsonNode node) {
        List<Site.Floor> floors = new ArrayList<>();
        if (node == null || node.isNull()) {
            return floors;
        }
        if (!node.isArray() || node.size() > SiteDraft.MAX_FLOORS) {
            errors.add(new FieldError("floors", "must be an array of at most " + SiteDraft.MAX_FLOORS + " {level, name}"));
            return floors;
        }
        Set<String> levels = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode floor = node.get(i);
            if (!floor.isObject()) {
                errors.add(new FieldError("floors[" + i + "]", "must be an object {level, name}"));
                continue;
            }
            for (Iterator<String> names = floor.fieldNames(); names.hasNext(); ) {
                String member = names.next();
                // the plan comes with a floor read and may be sent back: it is changed through its own routes
                if (!member.equals("level") && !member.equals("name") && !member.equals("plan")) {
                    errors.add(new FieldError("floors[" + i + "]." + member, "unknown member: a floor is {level, name}"));
                }
            }
            String level = text(floor, "level", "floors[" + i + "].level", CameraDraft.MAX_LEVEL);
            String name = text(floor, "name", "floors[" + i + "].name", SiteDraft.MAX_FLOOR_NAME);
            String levelField = "floors[" + i + "].level";
            if (level == null && errors.stream().noneMatch(e -> e.field().equals(levelField))) {
                errors.add(new FieldError(levelField, "is required: the level its cameras carry, such as 0 or 1"));
            } else if (level != null && !levels.add(level)) {
                errors.add(new FieldError("floors[" + i + "].level", "level " + level + " is listed twice"));
            }
            floors.add(new Site.Floor(level, name == null ? level : name));
        }
        return floors;
    }
}
