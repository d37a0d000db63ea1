package org.vigie.importer.legacy;

import org.vigie.camera.CameraDraft;
import org.vigie.camera.attribute.CameraType;
import org.vigie.camera.attribute.Capability;
import org.vigie.camera.attribute.FilmedArea;
import org.vigie.camera.attribute.Kind;
import org.vigie.camera.attribute.Mount;
import org.vigie.camera.attribute.OperatorType;
import org.vigie.camera.attribute.Signage;
import org.vigie.camera.attribute.YesNoUnknown;
import org.vigie.camera.attribute.Zone;
import org.vigie.importer.ImportDates;
import org.vigie.importer.Mapping;
import org.vigie.importer.TextValues;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A camera of the 2012 sous-surveillance.net export to a camera. The site's form defaulted
 * {@code direction} and {@code angle} to 0 (and some entries say 360), so those values mean
 * "not given". {@code contenu_popup} is an HTML fragment: it is only read as text here, for the
 * kind of place the camera watches ("Surveillance : banques"), and kept raw, never rendered.
 */
public final class SousSurveillanceMapper {

    private static final Pattern SURVEILLANCE = Pattern.compile("Surveillance\\s*:\\s*([\\p{L}_ ]+)");
    private static final Map<String, Zone> ZONES = Map.ofEntries(
            Map.entry("batiments", Zone.BUILDING),
            Map.entry("edifices_pub", Zone.BUILDING),
            Map.entry("municipale", Zone.TOWN),
            Map.entry("population", Zone.TOWN),
            Map.entry("commerces", Zone.SHOP),
            Map.entry("commerce", Zone.SHOP),
            Map.entry("banques", Zone.BANK),
            Map.entry("banque", Zone.BANK),
            Map.entry("traffic", Zone.TRAFFIC),
            Map.entry("trafic", Zone.TRAFFIC),
            Map.entry("parking", Zone.PARKING),
            Map.entry("transport", Zone.TRANSPORT));

    /** As long as the schema lets a source id be. */
    private static final int MAX_ID = 100;

    private SousSurveillanceMapper() {
    }

    public static Mapping map(double lon, double lat, Map<String, String> p) {
        if (p.get("id_camera") == null || p.get("id_camera").isBlank()) {
            return new Mapping.Skipped("missing_id");
        }
        if (p.get("id_camera").length() > MAX_ID) {
            return new Mapping.Skipped("id_too_long");
        }
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
            return new Mapping.Skipped("invalid_position");
        }
        List<String> notes = new ArrayList<>();
        String appearance = lower(p.get("apparence"));
        Kind kind = "radar".equals(appearance) ? Kind.OTHER : Kind.CAMERA;
        CameraType cameraType = switch (appearance) {
            case "dome" -> CameraType.DOME;
            case "nue", "boite", "encastre" -> CameraType.FIXED;
            default -> CameraType.UNKNOWN;
        };
        Integer direction = degrees(p.get("direction"), 359, "direction_unparsed", notes);
        Integer angle = degrees(p.get("angle"), 360, "angle_unparsed", notes);
        CameraDraft draft = new CameraDraft(lon, lat, kind, cameraType,
                Mount.UNKNOWN,
                direction == null ? List.of() : List.of(direction),
                angle, null, null, null,
                FilmedArea.UNKNOWN, zone(p.get("contenu_popup")), null,
                EnumSet.noneOf(Capability.class), YesNoUnknown.UNKNOWN,
                TextValues.clip(p.get("op_name"), CameraDraft.MAX_OPERATOR),
                operatorType(p.get("op_type")), Signage.UNKNOWN,
                TextValues.clip(TextValues.join(p.get("title"), p.get("description")), CameraDraft.MAX_NOTES),
                // the 2012 export dates none of its cameras (their first-seen day stays unknown); a collective's
                // dated copy of its own records (survey:date, check_date, start_date) is read as OpenStreetMap's is
                ImportDates.firstSeen(p));
        return new Mapping.Accepted(draft, notes);
    }

    /** A whole number of degrees from 1 to {@code max}; 0, 360 and blanks were the form's "not given". */
    private static Integer degrees(String value, int max, String note, List<String> notes) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int degrees = (int) Math.round(Double.parseDouble(value.strip()));
            if (degrees == 0 || degrees == 360) {
                return null;
            }
            if (degrees > 0 && degrees <= max) {
                return degrees;
            }
        } catch (NumberFormatException ignored) {
            // noted below
        }
        notes.add(note);
        return null;
    }

    private static Zone zone(String popup) {
        if (popup == null) {
            return Zone.UNKNOWN;
        }
        Matcher m = SURVEILLANCE.matcher(popup);
        return m.find() ? ZONES.getOrDefault(lower(m.group(1)), Zone.UNKNOWN) : Zone.UNKNOWN;
    }

    private static OperatorType operatorType(String value) {
        return switch (lower(value)) {
            case "public" -> OperatorType.PUBLIC;
            case "private" -> OperatorType.PRIVATE;
            default -> OperatorType.UNKNOWN;
        };
    }

    private static String lower(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }
}
