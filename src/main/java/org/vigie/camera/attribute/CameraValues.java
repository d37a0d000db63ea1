package org.vigie.camera.attribute;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The camera's enumerated properties, each with its Java enum, the one place its values are
 * listed: the API validates against the enum, GET /api/config gives the values to the front end,
 * and EnumerationChecksTest fails when a CHECK constraint of the schema lists other values.
 */
public final class CameraValues {

    /** A property of the wire (GeoJSON), its column, and the enum listing its values. */
    public record Enumeration(String property, String column, Class<? extends WireEnum> type) {
        public List<String> values() {
            return Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).toList();
        }
    }

    public static final List<Enumeration> ALL = List.of(
            new Enumeration("kind", "kind", Kind.class),
            new Enumeration("cameraType", "camera_type", CameraType.class),
            new Enumeration("mount", "mount", Mount.class),
            new Enumeration("filmedArea", "filmed_area", FilmedArea.class),
            new Enumeration("zone", "zone", Zone.class),
            new Enumeration("capabilities", "capabilities", Capability.class),
            new Enumeration("filmsWorkstations", "films_workstations", YesNoUnknown.class),
            new Enumeration("operatorType", "operator_type", OperatorType.class),
            new Enumeration("signage", "signage", Signage.class),
            new Enumeration("status", "status", CameraStatus.class),
            // issue 16: what the employer owes the staff
            new Enumeration("staffInformed", "staff_informed", YesNoUnknown.class),
            new Enumeration("staffBodyConsulted", "staff_body_consulted", YesNoUnknown.class),
            // issue 17: what the sign says
            new Enumeration("signNamesOperator", "sign_names_operator", YesNoUnknown.class),
            new Enumeration("signGivesContact", "sign_gives_contact", YesNoUnknown.class));

    private CameraValues() {
    }

    /** Each property's values, in the enums' order. */
    public static Map<String, List<String>> byProperty() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        ALL.forEach(e -> values.put(e.property(), e.values()));
        return values;
    }
}
