package org.vigie.osm.upload;

import org.vigie.camera.Camera;
import org.vigie.camera.CameraDraft;
import org.vigie.camera.attribute.CameraType;
import org.vigie.camera.attribute.FilmedArea;
import org.vigie.camera.attribute.Kind;
import org.vigie.camera.attribute.Mount;
import org.vigie.camera.attribute.OperatorType;
import org.vigie.camera.attribute.Zone;
import org.vigie.importer.Mapping;
import org.vigie.importer.osm.OsmTagMapper;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A camera's fields back to OpenStreetMap tags. A camera that came from OpenStreetMap starts from
 * its tags as they came: a field that still reads as its tags read keeps them word for word (so
 * that OpenStreetMap → Vigie → OpenStreetMap changes nothing), a field a volunteer changed is
 * written in the wiki's tagging, and every tag Vigie does not model stays as it was. Vigie-only
 * fields (signage, films workstations, capabilities, notes, the site) are never sent.
 */
public final class OsmTagWriter {

    private static final List<String> DIRECTION_KEYS = List.of("camera:direction", "direction", "surveillance:direction");

    private OsmTagWriter() {
    }

    public static Map<String, String> tags(Camera c) {
        Map<String, String> tags = c.tags == null ? new LinkedHashMap<>() : new LinkedHashMap<>(c.tags);
        CameraDraft before = null;
        if (!tags.isEmpty() && OsmTagMapper.map(c.position.getX(), c.position.getY(), tags) instanceof Mapping.Accepted a) {
            before = a.draft();
        }
        if (before == null) {
            tags.put("man_made", "surveillance");
        }
        if (before == null || before.kind() != c.kind) {
            kind(tags, c.kind);
        }
        if (before == null || before.cameraType() != c.cameraType) {
            put(tags, "camera:type", c.cameraType == CameraType.UNKNOWN ? null : c.cameraType.wire());
        }
        if (before == null || before.mount() != c.mount) {
            if (c.mount != Mount.OTHER) { // "other" says only that the tag was not one of ours: keep it
                put(tags, "camera:mount", c.mount == Mount.UNKNOWN ? null : c.mount.wire());
            }
        }
        List<Integer> directions = Arrays.stream(c.directions).boxed().toList();
        if (before == null || !before.directions().equals(directions)) {
            DIRECTION_KEYS.forEach(tags::remove);
            if (!directions.isEmpty()) {
                tags.put("camera:direction", directions.stream().map(String::valueOf).collect(Collectors.joining(";")));
            }
        }
        if (before == null || !Objects.equals(before.height(), c.height)) {
            put(tags, "height", c.height == null ? null : number(c.height));
        }
        if (before == null || !Objects.equals(before.tilt(), c.tilt)) {
            put(tags, "camera:angle", c.tilt == null ? null : String.valueOf(c.tilt));
        }
        if (c.kind != Kind.WEBCAM && (before == null || before.filmedArea() != c.filmedArea)) {
            put(tags, "surveillance", c.filmedArea == FilmedArea.UNKNOWN ? null : c.filmedArea.wire());
        }
        if ((before == null || before.zone() != c.zone) && c.zone != Zone.OTHER) {
            put(tags, "surveillance:zone", c.zone == Zone.UNKNOWN ? null : c.zone.wire());
        }
        if (before == null || !Objects.equals(before.level(), c.level)) {
            put(tags, "level", c.level);
        }
        if (before == null || !Objects.equals(before.operator(), c.operator)) {
            put(tags, "operator", c.operator);
        }
        if (before == null || before.operatorType() != c.operatorType) {
            put(tags, "operator:type", c.operatorType == OperatorType.UNKNOWN ? null : c.operatorType.wire());
        }
        return tags;
    }

    /** The wiki's surveillance:type (and surveillance=webcam for webcams). */
    private static void kind(Map<String, String> tags, Kind kind) {
        switch (kind) {
            case CAMERA -> tags.put("surveillance:type", "camera");
            case ALPR -> tags.put("surveillance:type", "ALPR");
            case GUARD -> tags.put("surveillance:type", "guard");
            case WEBCAM -> {
                tags.put("surveillance:type", "camera");
                tags.put("surveillance", "webcam");
            }
            default -> {
                // "other": whatever the source said is kept; nothing to say for a new one
            }
        }
    }

    private static void put(Map<String, String> tags, String key, String value) {
        if (value == null || value.isBlank()) {
            tags.remove(key);
        } else {
            tags.put(key, value.strip());
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
