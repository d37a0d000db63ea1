package org.vigie.verification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Why a volunteer reports a camera. */
public enum ReportReason {
    GONE, WRONG_POSITION, WRONG_DETAILS, FAKE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportReason> ofWire(String value) {
        return Arrays.stream(values()).filter(r -> r.wire().equals(value)).findFirst();
    }

    public static String options() {
        return Arrays.stream(values()).map(ReportReason::wire).collect(Collectors.joining(", "));
    }
}
