package org.vigie.city;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rolls the rows of sql/city-stats.sql up into counts per dimension and value: each attribute
 * combination counts for each of its attributes, each capability set for each capability, days
 * for their month, and operators written differently ("Ville de Lyon", "ville de lyon") for one
 * operator shown as its most common spelling.
 */
final class CityStatsRollup {

    /** The attribute columns of the statement, in order, and the dimension each one counts. */
    static final List<String> ATTRIBUTES = List.of("kind", "cameraType", "operatorType", "filmedArea", "zone",
            "filmsWorkstations", "signage", "status");

    private final Map<String, Map<String, Long>> counts = new HashMap<>();
    private final Map<String, Map<String, Long>> spellings = new HashMap<>();

    void total(long n) {
        add("total", "", n);
    }

    /** One combination of the attribute values, in {@link #ATTRIBUTES} order. */
    void attributes(List<String> values, long n) {
        for (int i = 0; i < ATTRIBUTES.size(); i++) {
            add(ATTRIBUTES.get(i), values.get(i), n);
        }
    }

    void capabilities(List<String> capabilities, long n) {
        for (String capability : capabilities) {
            add("capability", capability, n);
        }
    }

    /** {@code day} is an ISO date, "2024-05-17". */
    void day(String day, long n) {
        add("month", day.substring(0, 7), n);
    }

    /** Issue 17: {@code day} an ISO date the cameras were first seen, counted for its year; null when no source dates them. */
    void firstSeen(String day, long n) {
        if (day == null) {
            add("firstSeenUnknown", "", n);
        } else {
            add("firstSeenYear", day.substring(0, 4), n);
        }
    }

    /** Cameras without an operator are not counted here: they have no name to show. */
    void operator(String operator, long n) {
        if (operator != null) {
            spellings.computeIfAbsent(operator.toLowerCase(Locale.ROOT), k -> new HashMap<>()).merge(operator, n, Long::sum);
        }
    }

    Map<String, Map<String, Long>> counts() {
        Map<String, Map<String, Long>> all = new HashMap<>(counts);
        Map<String, Long> operators = new LinkedHashMap<>();
        for (Map<String, Long> variants : spellings.values()) {
            String shown = variants.entrySet().stream()
                    .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow().getKey();
            operators.put(shown, variants.values().stream().mapToLong(Long::longValue).sum());
        }
        all.put("operator", operators);
        return all;
    }

    private void add(String dimension, String value, long n) {
        counts.computeIfAbsent(dimension, d -> new LinkedHashMap<>()).merge(value, n, Long::sum);
    }
}
