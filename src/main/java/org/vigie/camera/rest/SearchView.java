package org.vigie.camera.rest;

import org.vigie.common.problem.ProblemException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a camera search answers for each camera: the full Feature (the default) or the map's marker. */
public enum SearchView {
    FULL, MAP;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code view=full|map}; absent is full; anything else is a 400 naming the parameter. */
    public static SearchView parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return FULL;
        }
        return Arrays.stream(values()).filter(v -> v.wire().equals(raw.strip())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("view", "unknown value \"" + raw.strip() + "\": one of "
                        + Arrays.stream(values()).map(SearchView::wire).collect(Collectors.joining(", "))));
    }
}
