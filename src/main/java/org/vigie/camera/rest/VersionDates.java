package org.vigie.camera.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public date of a version, or of a camera's addition, change or confirmation: its day, in UTC.
 * A volunteer's versions timed to the microsecond would tell where they walked, and when; moderators
 * alone see a version's exact time.
 */
public final class VersionDates {

    /** The camera's times that a snapshot holds, each shown as its day. */
    private static final List<String> CAMERA_TIMES = List.of("createdAt", "addedAt", "updatedAt", "lastConfirmedAt");

    private VersionDates() {
    }

    static String day(OffsetDateTime at) {
        return at == null ? null : localDay(at).toString();
    }

    public static LocalDate localDay(OffsetDateTime at) {
        return at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * A history snapshot with the camera's times as days: snapshots written before cameras' times
     * became days hold them to the microsecond. The stored snapshot is left as it is.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withDays(Map<String, Object> snapshot) {
        if (snapshot == null || !(snapshot.get("properties") instanceof Map<?, ?> stored)) {
            return snapshot;
        }
        Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) stored);
        for (String time : CAMERA_TIMES) {
            if (properties.get(time) instanceof String text && text.length() > 10) {
                properties.put(time, localDay(OffsetDateTime.parse(text)).toString());
            }
        }
        Map<String, Object> copy = new LinkedHashMap<>(snapshot);
        copy.put("properties", properties);
        return copy;
    }
}
