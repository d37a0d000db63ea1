package org.vigie.camera.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.vigie.camera.CameraDraft;
import org.vigie.camera.WatchFacts;
import org.vigie.camera.WorkplaceFacts;
import org.vigie.camera.attribute.CameraType;
import org.vigie.camera.attribute.Capability;
import org.vigie.camera.attribute.FilmedArea;
import org.vigie.camera.attribute.Kind;
import org.vigie.camera.attribute.Mount;
import org.vigie.camera.attribute.OperatorType;
import org.vigie.camera.attribute.Signage;
import org.vigie.camera.attribute.WireEnum;
import org.vigie.camera.attribute.YesNoUnknown;
import org.vigie.camera.attribute.Zone;
import org.vigie.common.json.TextScreen;
import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a camera Feature sent by a client into a {@link CameraDraft}, collecting every rejected
 * field (not only the first) so that a form can show them all at once.
 */
public final class CameraFeatureReader {

    /** Properties the server owns: a client may send them back as it received them; they are ignored. */
    private static final Set<String> READ_ONLY = Set.of("status", "source", "sourceId", "tags", "version",
            "createdAt", "updatedAt", "city", "confirmations", "lastConfirmedAt", "toRecheck", "id",
            // issue 17: when it entered Vigie
            "addedAt");
    private static final Set<String> WRITABLE = Set.of("kind", "cameraType", "mount", "directions", "fieldOfView",
            "range", "height", "tilt", "filmedArea", "zone", "level", "capabilities", "filmsWorkstations",
            "operator", "operatorType", "signage", "notes",
            // issue 16
            "site", "staffInformed", "staffBodyConsulted", "viewers", "retentionDays",
            // issue 17
            "firstSeen", "signNamesOperator", "signGivesContact", "authorisation");
    /** No camera was seen before video surveillance existed (the schema's camera_first_seen). */
    static final LocalDate EARLIEST_SEEN = LocalDate.of(1950, 1, 1);

    /**
     * A Feature's members (RFC 7946): its type, geometry and properties, the id (the server's, sent
     * back as received), bbox, and fov, the server's own foreign member; any other is refused by name,
     * as an unknown field of any other body is (a misspelt "propreties" is not silently nothing).
     */
    private static final Set<String> FEATURE_MEMBERS = Set.of("type", "id", "geometry", "properties", "bbox", "fov");
    /** A Point's members: its type, coordinates, and the bbox RFC 7946 allows on any GeoJSON object. */
    private static final Set<String> POINT_MEMBERS = Set.of("type", "coordinates", "bbox");

    private final List<FieldError> errors = new ArrayList<>();

    private CameraFeatureReader() {
    }

    public static CameraDraft read(JsonNode body) {
        return new CameraFeatureReader().readFeature(body);
    }

    private CameraDraft readFeature(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw ProblemException.invalid("body", "a GeoJSON Feature is required");
        }
        if (!body.isObject()) {
            throw ProblemException.invalid("body", "must be a GeoJSON Feature object");
        }
        rejectUnknown(body, FEATURE_MEMBERS, "", "unknown member of a Feature: type, id, geometry, properties, bbox or fov");
        if (!"Feature".equals(body.path("type").asText(null))) {
            errors.add(new FieldError("type", "must be \"Feature\""));
        }
        double[] position = readPoint(body.get("geometry"));
        JsonNode p = body.get("properties");
        if (p != null && !p.isNull() && !p.isObject()) {
            errors.add(new FieldError("properties", "must be an object"));
            p = null;
        }
        JsonNode props = p == null || p.isNull() ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : p;
        rejectUnknown(props);

        CameraType cameraType = enumOf(props, "cameraType", CameraType.class, CameraType.UNKNOWN);
        Signage signage = enumOf(props, "signage", Signage.class, Signage.UNKNOWN);
        WatchFacts watch = watch(props);
        errors.addAll(WatchFacts.contradictions(signage, watch));
        CameraDraft draft = new CameraDraft(
                position[0], position[1],
                enumOf(props, "kind", Kind.class, Kind.CAMERA),
                cameraType,
                enumOf(props, "mount", Mount.class, Mount.UNKNOWN),
                directions(props),
                integer(props, "fieldOfView", 1, 360),
                integer(props, "range", 1, CameraDraft.MAX_RANGE),
                number(props, "height", 0, CameraDraft.MAX_HEIGHT),
                integer(props, "tilt", -90, 90),
                enumOf(props, "filmedArea", FilmedArea.class, FilmedArea.UNKNOWN),
                enumOf(props, "zone", Zone.class, Zone.UNKNOWN),
                text(props, "level", CameraDraft.MAX_LEVEL),
                capabilities(props),
                enumOf(props, "filmsWorkstations", YesNoUnknown.class, YesNoUnknown.UNKNOWN),
                text(props, "operator", CameraDraft.MAX_OPERATOR),
                enumOf(props, "operatorType", OperatorType.class, OperatorType.UNKNOWN),
                signage,
                text(props, "notes", CameraDraft.MAX_NOTES),
                firstSeen(props),
                workplace(props),
                watch);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return draft;
    }

    /** Issue 16: the site ({@code 12} or {@code {"id": 12, ...}} as the API answers it) and the employer's duties. */
    private WorkplaceFacts workplace(JsonNode props) {
        return new WorkplaceFacts(siteId(props.get("site")),
                enumOf(props, "staffInformed", YesNoUnknown.class, YesNoUnknown.UNKNOWN),
                enumOf(props, "staffBodyConsulted", YesNoUnknown.class, YesNoUnknown.UNKNOWN),
                text(props, "viewers", WorkplaceFacts.MAX_VIEWERS),
                integer(props, "retentionDays", 0, WorkplaceFacts.MAX_RETENTION_DAYS));
    }

    /** Issue 17: what the sign says, and the authorisation ({@code 3} or {@code {"id": 3, ...}} as the API answers it). */
    private WatchFacts watch(JsonNode props) {
        return new WatchFacts(enumOf(props, "signNamesOperator", YesNoUnknown.class, YesNoUnknown.UNKNOWN),
                enumOf(props, "signGivesContact", YesNoUnknown.class, YesNoUnknown.UNKNOWN),
                reference(props.get("authorisation"), "properties.authorisation", "an authorisation"));
    }

    /** Issue 17: the day the camera was first observed; absent or null keeps the camera's (a new one's is its day of addition). */
    private LocalDate firstSeen(JsonNode props) {
        JsonNode node = props.get("firstSeen");
        if (node == null || node.isNull()) {
            return null;
        }
        LocalDate day = null;
        try {
            day = node.isTextual() ? LocalDate.parse(node.asText().strip()) : null;
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (day == null) {
            errors.add(new FieldError("properties.firstSeen", "must be a day as yyyy-mm-dd"));
            return null;
        }
        // a day ahead of UTC's is today somewhere
        if (day.isBefore(EARLIEST_SEEN) || day.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
            errors.add(new FieldError("properties.firstSeen", "must be from " + EARLIEST_SEEN + " to today"));
            return null;
        }
        return day;
    }

    private Long siteId(JsonNode site) {
        return reference(site, "properties.site", "a site");
    }

    /** The id of an entry the camera points to: a whole number, or an object with it as the API answers it. */
    private Long reference(JsonNode site, String field, String what) {
        if (site == null || site.isNull()) {
            return null;
        }
        JsonNode id = site.isObject() ? site.get("id") : site;
        if (id == null || !id.isIntegralNumber() || id.asLong() < 1) {
            errors.add(new FieldError(field, "must be " + what + "'s id (a whole number) or an object with its id"));
            return null;
        }
        return id.asLong();
    }

    private double[] readPoint(JsonNode geometry) {
        if (geometry == null || geometry.isNull()) {
            errors.add(new FieldError("geometry", "is required: a GeoJSON Point"));
            return new double[2];
        }
        if (geometry.isObject()) {
            rejectUnknown(geometry, POINT_MEMBERS, "geometry.", "unknown member of a Point: type, coordinates or bbox");
        }
        String type = geometry.path("type").asText("");
        if (!"Point".equals(type)) {
            errors.add(new FieldError("geometry.type", "must be \"Point\", not \"" + type + "\""));
            return new double[2];
        }
        JsonNode coordinates = geometry.get("coordinates");
        if (coordinates == null || !coordinates.isArray() || coordinates.size() < 2 || coordinates.size() > 3) {
            errors.add(new FieldError("geometry.coordinates", "must be [longitude, latitude]"));
            return new double[2];
        }
        double lon = coordinate(coordinates.get(0), "geometry.coordinates[0]", "longitude", 180);
        double lat = coordinate(coordinates.get(1), "geometry.coordinates[1]", "latitude", 90);
        return new double[] {lon, lat};
    }

    private double coordinate(JsonNode node, String field, String name, double bound) {
        if (!node.isNumber()) {
            errors.add(new FieldError(field, name + " must be a number"));
            return 0;
        }
        double value = node.asDouble();
        if (!Double.isFinite(value) || value < -bound || value > bound) {
            errors.add(new FieldError(field, name + " must be between -" + (int) bound + " and " + (int) bound));
        }
        return value;
    }

    private void rejectUnknown(JsonNode object, Set<String> known, String prefix, String reason) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new FieldError(prefix + name, reason));
            }
        }
    }

    private void rejectUnknown(JsonNode props) {
        for (Iterator<String> names = props.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!WRITABLE.contains(name) && !READ_ONLY.contains(name)) {
                errors.add(new FieldError("properties." + name, "unknown property"));
            }
        }
    }

    private <E extends Enum<E> & WireEnum> E enumOf(JsonNode props, String name, Class<E> type, E fallback) {
        JsonNode node = props.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError("properties." + name, "must be a string, " + WireEnum.allowed(type)));
            return fallback;
        }
        return WireEnum.parse(type, node.asText()).orElseGet(() -> {
            errors.add(new FieldError("properties." + name,
                    "unknown value \"" + node.asText() + "\": " + WireEnum.allowed(type)));
            return fallback;
        });
    }

    private Integer integer(JsonNode props, String name, int min, int max) {
        JsonNode node = props.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() && !(node.isNumber() && node.asDouble() == Math.rint(node.asDouble()))) {
            errors.add(new FieldError("properties." + name, "must be a whole number from " + min + " to " + max));
            return null;
        }
        double value = node.asDouble();
        if (value < min || value > max) {
            errors.add(new FieldError("properties." + name, "must be from " + min + " to " + max));
            return null;
        }
        return (int) value;
    }

    private Double number(JsonNode props, String name, double min, double max) {
        JsonNode node = props.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        double value = node.asDouble();
        if (!node.isNumber() || !Double.isFinite(value) || value < min || value > max) {
            errors.add(new FieldError("properties." + name, "must be a number from " + (int) min + " to " + (int) max));
            return null;
        }
        return value;
    }

    private String text(JsonNode props, String name, int maxLength) {
        JsonNode node = props.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError("properties." + name, "must be a string"));
            return null;
        }
        String value = node.asText().strip();
        String refused = TextScreen.problem(value);
        if (refused != null) {
            errors.add(new FieldError("properties." + name, refused));
            return null;
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            errors.add(new FieldError("properties." + name, "must be at most " + maxLength + " characters"));
            return null;
        }
        return value.isEmpty() ? null : value;
    }

    private List<Integer> directions(JsonNode props) {
        JsonNode node = props.get("directions");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new FieldError("properties.directions", "must be an array of bearings in degrees"));
            return List.of();
        }
        if (node.size() > CameraDraft.MAX_DIRECTIONS) {
            errors.add(new FieldError("properties.directions", "at most " + CameraDraft.MAX_DIRECTIONS + " directions"));
            return List.of();
        }
        Set<Integer> bearings = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode d = node.get(i);
            if (!d.isIntegralNumber() || d.asLong() < 0 || d.asLong() > 359) {
                errors.add(new FieldError("properties.directions[" + i + "]",
                        "must be a whole number of degrees from 0 to 359, clockwise from north"));
            } else {
                bearings.add(d.asInt());
            }
        }
        return List.copyOf(bearings);
    }

    private Set<Capability> capabilities(JsonNode props) {
        JsonNode node = props.get("capabilities");
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        if (node == null || node.isNull()) {
            return capabilities;
        }
        if (!node.isArray()) {
            errors.add(new FieldError("properties.capabilities", "must be an array, each " + WireEnum.allowed(Capability.class)));
            return capabilities;
        }
        for (int i = 0; i < node.size(); i++) {
            String value = node.get(i).asText();
            int index = i;
            WireEnum.parse(Capability.class, node.get(i).isTextual() ? value : null).ifPresentOrElse(capabilities::add,
                    () -> errors.add(new FieldError("properties.capabilities[" + index + "]",
                            "unknown value \"" + value + "\": " + WireEnum.allowed(Capability.class))));
        }
        return capabilities;
    }
}
