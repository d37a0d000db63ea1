package org.vigie.city.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a GeoJSON FeatureCollection of city boundaries. Every feature is checked before anything
 * is stored, and every problem is collected, so that one run tells the whole story.
 * <p>
 * Without {@code --name-property} / {@code --code-property}, the properties are detected: the
 * French commune files (IGN, geo.api.gouv.fr) use {@code nom} and {@code code}, OpenStreetMap
 * boundaries {@code name} and {@code ref:INSEE}.
 */
public final class BoundaryFile {

    static final List<String> NAME_CANDIDATES = List.of("nom", "name");
    static final List<String> CODE_CANDIDATES = List.of("code", "ref:INSEE");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was read, and which properties gave the names and codes. */
    public record Contents(List<Boundary> boundaries, String nameProperty, String codeProperty) {
    }

    private BoundaryFile() {
    }

    /** {@code nameProperty} and {@code codeProperty} may be null: they are detected then. */
    public static Contents read(InputStream in, String nameProperty, String codeProperty) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidBoundaryFile("not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())
                || !root.path("features").isArray()) {
            throw new InvalidBoundaryFile("not a GeoJSON FeatureCollection (a \"type\": \"FeatureCollection\" with a \"features\" array)");
        }
        JsonNode features = root.path("features");
        if (features.isEmpty()) {
            throw new InvalidBoundaryFile("the FeatureCollection has no features");
        }
        String name = nameProperty != null ? nameProperty : detect(features, NAME_CANDIDATES, "--name-property");
        String code = codeProperty != null ? codeProperty : detect(features, CODE_CANDIDATES, "--code-property");

        List<String> problems = new ArrayList<>();
        List<Boundary> boundaries = new ArrayList<>();
        Map<String, Integer> firstFeatureOfCode = new HashMap<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            int number = i + 1;
            Optional<String> codeValue = text(feature.path("properties").get(code));
            Optional<String> nameValue = text(feature.path("properties").get(name));
            String label = "feature " + number + codeValue.map(c -> " (code " + c + ")").orElse("")
                    + nameValue.map(n -> " \"" + n + "\"").orElse("") + ": ";
            List<String> reasons = new ArrayList<>();
            if (!"Feature".equals(feature.path("type").asText())) {
                reasons.add("is not a GeoJSON Feature");
            }
            if (codeValue.isEmpty()) {
                reasons.add("has no \"" + code + "\" property (the city code)");
            } else if (codeValue.get().length() > 40) {
                reasons.add("its code is longer than 40 characters");
            }
            if (nameValue.isEmpty()) {
                reasons.add("has no \"" + name + "\" property (the city name)");
            } else if (nameValue.get().length() > 200) {
                reasons.add("its name is longer than 200 characters");
            }
            BoundaryGeometry.problem(feature.get("geometry")).ifPresent(reasons::add);
            codeValue.map(c -> firstFeatureOfCode.putIfAbsent(c, number))
                    .ifPresent(first -> reasons.add("repeats the code of feature " + first));
            if (reasons.isEmpty()) {
                boundaries.add(new Boundary(number, codeValue.get(), nameValue.get(), feature.get("geometry").toString()));
            } else {
                problems.add(label + String.join("; ", reasons));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidBoundaryFile(problems);
        }
        return new Contents(boundaries, name, code);
    }

    /** The first candidate that some feature has; the file must then use it throughout. */
    static String detect(JsonNode features, List<String> candidates, String option) {
        for (String candidate : candidates) {
            for (JsonNode feature : features) {
                if (text(feature.path("properties").get(candidate)).isPresent()) {
                    return candidate;
                }
            }
        }
        throw new InvalidBoundaryFile("no feature has any of the properties " + String.join(", ", candidates)
                + ": name the property with " + option);
    }

    /** A string or a number, stripped; numbers are accepted because some files store codes as numbers. */
    private static Optional<String> text(JsonNode value) {
        if (value == null || !(value.isTextual() || value.isIntegralNumber())) {
            return Optional.empty();
        }
        String text = value.asText().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
