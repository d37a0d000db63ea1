package org.vigie.importer.osm;

import org.vigie.camera.CameraDraft;
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
import org.vigie.importer.ImportDates;
import org.vigie.importer.Mapping;
import org.vigie.importer.TextValues;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * OpenStreetMap tags to a camera, following the wiki's surveillance tagging. A pure function:
 * unknown values are kept in the raw tags (stored beside the camera) and reported as notes.
 */
public final class OsmTagMapper {

    private OsmTagMapper() {
    }

    public static Mapping map(double lon, double lat, Map<String, String> tags) {
        return map(lon, lat, tags, null);
    }

    /**
     * The same for an element saved on {@code stamped} (its timestamp's day, null when unknown): the
     * camera is first seen at the earliest of that day and of its tags' dates (issue 17).
     */
    public static Mapping map(double lon, double lat, Map<String, String> tags, LocalDate stamped) {
        if (tags == null || tags.isEmpty()) {
            return new Mapping.Skipped("untagged");
        }
        List<String> manMade = TextValues.list(tags.get("man_made"));
        if (!manMade.contains("surveillance")) {
            return new Mapping.Skipped(manMade.contains("monitoring_station") ? "monitoring_station" : "not_surveillance");
        }
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
            return new Mapping.Skipped("invalid_position");
        }
        List<String> notes = new ArrayList<>();
        List<String> surveillance = TextValues.list(tags.get("surveillance"));
        Kind kind = kind(tags.get("surveillance:type"), surveillance, notes);
        CameraType cameraType = OsmValues.cameraType(tags.get("camera:type"), notes);
        DirectionParser.Directions directions = directions(tags, notes);
        if (directions.bearings().size() > CameraDraft.MAX_DIRECTIONS) {
            notes.add("too_many_directions");
            directions = new DirectionParser.Directions(directions.bearings().subList(0, CameraDraft.MAX_DIRECTIONS), directions.sweep());
        }
        Integer fieldOfView = directions.sweep() == 0 ? null
                : Math.min(360, cameraType.defaultFieldOfView() + directions.sweep());
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        if (kind == Kind.ALPR) {
            capabilities.add(Capability.ALPR);
        }
        CameraDraft draft = new CameraDraft(lon, lat, kind, cameraType,
                OsmValues.mount(tags.get("camera:mount"), notes),
                directions.bearings(), fieldOfView, null,
                height(tags.get("height"), notes), tilt(tags.get("camera:angle"), notes),
                filmedArea(surveillance, notes),
                OsmValues.zone(tags.get("surveillance:zone"), notes),
                level(tags.get("level"), notes),
                capabilities, YesNoUnknown.UNKNOWN,
                clipped(tags.get("operator"), CameraDraft.MAX_OPERATOR, "operator_too_long", notes),
                OsmValues.operatorType(tags.get("operator:type"), notes),
                Signage.UNKNOWN,
                clipped(TextValues.join(tags.get("name"), tags.get("description")), CameraDraft.MAX_NOTES,
                        "notes_too_long", notes),
                ImportDates.firstSeen(tags, stamped));
        return new Mapping.Accepted(draft, notes);
    }

    private static Kind kind(String surveillanceType, List<String> surveillance, List<String> notes) {
        if (surveillance.contains("webcam")) {
            return Kind.WEBCAM;
        }
        if (surveillanceType == null) {
            return Kind.CAMERA;
        }
        return switch (TextValues.trimmedLowerCase(surveillanceType)) {
            case "camera" -> Kind.CAMERA;
            case "alpr", "anpr" -> Kind.ALPR;
            case "guard" -> Kind.GUARD;
            case "webcam" -> Kind.WEBCAM;
            default -> {
                notes.add("surveillance_type_other");
                yield Kind.OTHER;
            }
        };
    }

    private static FilmedArea filmedArea(List<String> surveillance, List<String> notes) {
        for (String value : surveillance) {
            Optional<FilmedArea> area = WireEnum.parse(FilmedArea.class, value);
            if (area.isPresent() && area.get() != FilmedArea.UNKNOWN) {
                return area.get();
            }
        }
        if (surveillance.stream().anyMatch(v -> !v.equals("webcam"))) {
            notes.add("surveillance_unrecognised");
        }
        return FilmedArea.UNKNOWN;
    }

    private static final List<String> DIRECTION_KEYS = List.of("camera:direction", "direction", "surveillance:direction");

    /** camera:direction, else direction, else surveillance:direction. */
    private static DirectionParser.Directions directions(Map<String, String> tags, List<String> notes) {
        for (String key : DIRECTION_KEYS) {
            String value = tags.get(key);
            if (value != null) {
                Optional<DirectionParser.Directions> parsed = DirectionParser.parse(value);
                if (parsed.isEmpty()) {
                    notes.add("direction_unparsed");
                }
                return parsed.orElse(new DirectionParser.Directions(List.of(), 0));
            }
        }
        return new DirectionParser.Directions(List.of(), 0);
    }

    private static Integer tilt(String value, List<String> notes) {
        if (value == null) {
            return null;
        }
        Double angle = TextValues.leadingNumber(value);
        if (angle == null || Math.abs(angle) > 90) {
            notes.add("camera_angle_unparsed");
            return null;
        }
        return (int) Math.round(angle);
    }

    private static Double height(String value, List<String> notes) {
        if (value == null) {
            return null;
        }
        Double metres = TextValues.leadingNumber(value);
        if (metres == null || metres < 0 || metres > CameraDraft.MAX_HEIGHT) {
            notes.add("height_unparsed");
            return null;
        }
        return metres;
    }

    private static String level(String value, List<String> notes) {
        if (value != null && value.strip().length() > CameraDraft.MAX_LEVEL) {
            notes.add("level_too_long");
            return null;
        }
        return TextValues.clip(value, CameraDraft.MAX_LEVEL);
    }

    private static String clipped(String value, int max, String note, List<String> notes) {
        if (value != null && value.strip().codePointCount(0, value.strip().length()) > max) {
            notes.add(note);
        }
        return TextValues.clip(value, max);
    }
}
