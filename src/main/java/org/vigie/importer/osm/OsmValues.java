package org.vigie.importer.osm;

import org.vigie.camera.attribute.CameraType;
import org.vigie.camera.attribute.Mount;
import org.vigie.camera.attribute.OperatorType;
import org.vigie.camera.attribute.WireEnum;
import org.vigie.camera.attribute.Zone;
import org.vigie.importer.TextValues;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The value tables of the OSM mapping: the wiki's values, and the few common variants seen in
 * real data that mean the same thing. Anything else becomes "other" or "unknown" with a note.
 */
final class OsmValues {

    private static final Map<String, Mount> MOUNT_VARIANTS = Map.of(
            "traffic_signal", Mount.TRAFFIC_SIGNALS,
            "lamp", Mount.STREET_LAMP,
            "lighting_pole", Mount.STREET_LAMP);

    private static final Map<String, Zone> ZONE_VARIANTS = Map.of(
            "station", Zone.TRANSPORT,
            "railway", Zone.TRANSPORT,
            "public_transport", Zone.TRANSPORT,
            "public_transport_platform", Zone.TRANSPORT,
            "atm", Zone.BANK,
            "street", Zone.TOWN,
            "parking_entrance", Zone.PARKING);

    private static final Map<String, OperatorType> OPERATOR_TYPES = Map.ofEntries(
            Map.entry("public", OperatorType.PUBLIC),
            Map.entry("government", OperatorType.PUBLIC),
            Map.entry("municipal", OperatorType.PUBLIC),
            Map.entry("military", OperatorType.PUBLIC),
            Map.entry("police", OperatorType.PUBLIC),
            Map.entry("private", OperatorType.PRIVATE),
            Map.entry("private_for_profit", OperatorType.PRIVATE),
            Map.entry("private_non_profit", OperatorType.PRIVATE),
            Map.entry("commercial", OperatorType.PRIVATE),
            Map.entry("association", OperatorType.PRIVATE),
            Map.entry("ngo", OperatorType.PRIVATE),
            Map.entry("consortium", OperatorType.PRIVATE),
            Map.entry("cooperative", OperatorType.PRIVATE),
            Map.entry("religious", OperatorType.PRIVATE));

    private OsmValues() {
    }

    static CameraType cameraType(String value, List<String> notes) {
        List<String> values = TextValues.list(value);
        if (values.isEmpty()) {
            return CameraType.UNKNOWN;
        }
        Optional<CameraType> type = WireEnum.parse(CameraType.class, values.get(0));
        if (type.isEmpty()) {
            notes.add("camera_type_unrecognised");
        }
        return type.orElse(CameraType.UNKNOWN);
    }

    static Mount mount(String value, List<String> notes) {
        List<String> values = TextValues.list(value);
        if (values.isEmpty()) {
            return Mount.UNKNOWN;
        }
        String first = values.get(0);
        Optional<Mount> mount = WireEnum.parse(Mount.class, first).or(() -> Optional.ofNullable(MOUNT_VARIANTS.get(first)));
        if (mount.isEmpty()) {
            notes.add("camera_mount_other");
        }
        return mount.orElse(Mount.OTHER);
    }

    static Zone zone(String value, List<String> notes) {
        List<String> values = TextValues.list(value == null ? null : value.replace(',', ';'));
        if (values.isEmpty()) {
            return Zone.UNKNOWN;
        }
        String first = values.get(0);
        Optional<Zone> zone = WireEnum.parse(Zone.class, first).or(() -> Optional.ofNullable(ZONE_VARIANTS.get(first)));
        if (zone.isEmpty()) {
            notes.add("surveillance_zone_other");
        }
        return zone.orElse(Zone.OTHER);
    }

    static OperatorType operatorType(String value, List<String> notes) {
        List<String> values = TextValues.list(value);
        if (values.isEmpty()) {
            return OperatorType.UNKNOWN;
        }
        OperatorType type = OPERATOR_TYPES.get(values.get(0));
        if (type == null) {
            notes.add("operator_type_unrecognised");
            return OperatorType.UNKNOWN;
        }
        return type;
    }
}
