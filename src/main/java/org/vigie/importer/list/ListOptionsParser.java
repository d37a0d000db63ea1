package org.vigie.importer.list;

import org.vigie.camera.Camera;
import org.vigie.camera.attribute.Kind;
import org.vigie.camera.attribute.WireEnum;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The options of an official list, by name ({@code source}, {@code lon}, {@code date-format}...), as
 * the command line and the admin upload give them, or as a mapping file holds them ({@code name = value}
 * lines, {@code #} comments; the command line wins). Each refusal names the option and says why.
 */
public final class ListOptionsParser {

    /** Every option a list takes; {@code address} may come several times (columns joined in order). */
    public static final Set<String> NAMES = Set.of("source", "lon", "lat", "x", "y", "crs", "ref", "date", "date-format",
            "address", "operator", "operator-column", "kind", "match-distance");
    /** The other imports' sources: a list filed under one of them would be taken for their cameras. */
    private static final Set<String> RESERVED = Set.of(Camera.SOURCE_OSM, Camera.SOURCE_VOLUNTEER, Camera.SOURCE_SOUS_SURVEILLANCE);

    /** A rejected option: its name and the reason. */
    public static final class Invalid extends RuntimeException {
        private final String option;

        Invalid(String option, String reason) {
            super(reason);
            this.option = option;
        }

        public String option() {
            return option;
        }
    }

    private ListOptionsParser() {
    }

    /** Reads a mapping file into option values. */
    public static Map<String, List<String>> mappingFile(Path file) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Invalid("mapping", "cannot read " + file + ": " + e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String name = equals < 0 ? line : line.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            if (equals < 0 || !NAMES.contains(name)) {
                throw new Invalid("mapping", file.getFileName() + " line " + (i + 1) + ": expected name = value with a name among "
                        + String.join(", ", NAMES.stream().sorted().toList()));
            }
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(equals + 1).strip());
        }
        return values;
    }

    /** The options from their values (a name to its values; one value each but for address). */
    public static ListOptions parse(Map<String, List<String>> values) {
        for (String name : values.keySet()) {
            if (!NAMES.contains(name)) {
                throw new Invalid(name, "unknown option for a list");
            }
        }
        String source = one(values, "source");
        if (source == null || source.isBlank()) {
            throw new Invalid("source", "name the list's source (--source paris-police, for example): its cameras are filed under it");
        }
        if (source.length() > 40 || !source.matches("[\\p{L}\\p{N}._:-]+")) {
            throw new Invalid("source", "letters, digits, . _ : - only, 40 at most");
        }
        if (RESERVED.contains(source.toLowerCase(Locale.ROOT))) {
            throw new Invalid("source", "\"" + source + "\" is the source of another import: choose the list's own name");
        }
        String crs = one(values, "crs");
        if (crs != null && !crs.equalsIgnoreCase(ListOptions.LAMBERT_93) && !crs.equalsIgnoreCase(ListOptions.WGS_84)) {
            throw new Invalid("crs", "must be EPSG:4326 (longitude and latitude) or EPSG:2154 (Lambert-93)");
        }
        boolean projected = one(values, "x") != null || one(values, "y") != null;
        if (projected && (one(values, "lon") != null || one(values, "lat") != null)) {
            throw new Invalid("x", "give --lon/--lat or --x/--y, not both");
        }
        if (projected != ListOptions.LAMBERT_93.equalsIgnoreCase(crs)) {
            throw new Invalid(projected ? "crs" : "x", "--x and --y go with --crs EPSG:2154 (Lambert-93)");
        }
        String dateFormat = one(values, "date-format");
        if (dateFormat != null) {
            try {
                DateTimeFormatter.ofPattern(dateFormat);
            } catch (IllegalArgumentException e) {
                throw new Invalid("date-format", "not a date pattern (dd/MM/yyyy, dd/MM/yy, yyyy-MM-dd...): " + e.getMessage());
            }
        }
        if (one(values, "operator") != null && one(values, "operator-column") != null) {
            throw new Invalid("operator", "give --operator or --operator-column, not both");
        }
        String kind = one(values, "kind");
        if (kind != null && WireEnum.parse(Kind.class, kind.toLowerCase(Locale.ROOT)).isEmpty()) {
            throw new Invalid("kind", "must be " + WireEnum.allowed(Kind.class));
        }
        double distance = ListOptions.DEFAULT_MATCH_DISTANCE;
        String given = one(values, "match-distance");
        if (given != null) {
            try {
                distance = Double.parseDouble(given);
            } catch (NumberFormatException e) {
                distance = -1;
            }
            if (!(distance >= 0 && distance <= 1000)) {
                throw new Invalid("match-distance", "must be a number of metres from 0 to 1000");
            }
        }
        return new ListOptions(source, one(values, "lon"), one(values, "lat"), one(values, "x"), one(values, "y"),
                crs == null ? null : crs.toUpperCase(Locale.ROOT), one(values, "ref"), one(values, "date"), dateFormat,
                values.getOrDefault("address", List.of()), one(values, "operator"), one(values, "operator-column"),
                kind == null ? null : kind.toLowerCase(Locale.ROOT), distance);
    }

    private static String one(Map<String, List<String>> values, String name) {
        List<String> v = values.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.size() > 1 && !name.equals("address")) {
            throw new Invalid(name, "given more than once");
        }
        return v.get(0).isBlank() ? null : v.get(0).strip();
    }
}
