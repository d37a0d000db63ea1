package org.vigie.camera;

import com.fasterxml.jackson.annotation.JsonFilter;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.impl.SimpleBeanPropertyFilter;
import com.fasterxml.jackson.databind.ser.impl.SimpleFilterProvider;
import org.vigie.camera.rest.CameraProperties;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the history stores a camera's state: its GeoJSON Feature as the API shows it, less the
 * properties that say nothing is known ({@link #NOTHING_KNOWN}: no height, an "unknown" mount, no
 * directions...), which {@link #expand} gives back to every reader. Most cameras know little: a
 * million imported cameras' version 1 rows were 1.2 GB as whole Features, and PostgreSQL's parsing
 * them into jsonb took a third of the import (bench/import-benchmark.sh, BENCHMARKS.md).
 * Snapshots stored whole, before this, read the same.
 */
public final class CameraSnapshots {

    /** Each property left out of a stored snapshot when it has this value, and given it back when read. */
    static final Map<String, Object> NOTHING_KNOWN;

    static {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String unknown : List.of("cameraType", "mount", "filmedArea", "zone", "filmsWorkstations", "operatorType",
                "signage", "signNamesOperator", "signGivesContact", "staffInformed", "staffBodyConsulted")) {
            values.put(unknown, "unknown");
        }
        for (String none : List.of("height", "tilt", "level", "operator", "notes", "lastConfirmedAt", "sourceId", "city",
                "authorisation", "site", "viewers", "retentionDays", "firstSeen")) {
            values.put(none, null);
        }
        values.put("directions", List.of());
        values.put("capabilities", List.of());
        values.put("confirmations", 0);
        values.put("toRecheck", false);
        NOTHING_KNOWN = Collections.unmodifiableMap(values);
    }

    private CameraSnapshots() {
    }

    /** A copy of {@code json} that writes camera properties the way the history stores them. */
    static ObjectMapper writer(ObjectMapper json) {
        return json.copy().addMixIn(CameraProperties.class, Stored.class)
                .setFilterProvider(new SimpleFilterProvider().addFilter(Stored.FILTER, new LeaveOutNothingKnown()));
    }

    /** A stored snapshot with the properties it left out given back (a whole one is returned as it is). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> expand(Map<String, Object> snapshot) {
        if (snapshot == null || !(snapshot.get("properties") instanceof Map<?, ?> stored)) {
            return snapshot;
        }
        Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) stored);
        NOTHING_KNOWN.forEach((name, value) -> {
            if (!properties.containsKey(name)) {
                properties.put(name, value);
            }
        });
        Map<String, Object> whole = new LinkedHashMap<>(snapshot);
        whole.put("properties", properties);
        return whole;
    }

    @JsonFilter(Stored.FILTER)
    private abstract static class Stored {
        static final String FILTER = "vigie-stored-snapshot";
    }

    private static final class LeaveOutNothingKnown extends SimpleBeanPropertyFilter {
        @Override
        public void serializeAsField(Object pojo, JsonGenerator out, SerializerProvider provider, PropertyWriter writer)
                throws Exception {
            if (writer instanceof BeanPropertyWriter property && NOTHING_KNOWN.containsKey(property.getName())
                    && Objects.equals(property.get(pojo), NOTHING_KNOWN.get(property.getName()))) {
                return;
            }
            writer.serializeAsField(pojo, out, provider);
        }
    }
}
