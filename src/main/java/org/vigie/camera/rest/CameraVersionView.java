package org.vigie.camera.rest;

import org.vigie.camera.CameraVersion;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One entry of a camera's history: which version, who wrote it (a pseudonymous user name, null for
 * imports), what was done, what changed, and the Feature as it was; {@code reason} says why when the
 * action alone does not (a camera taken down because OpenStreetMap deleted it), null otherwise.
 * {@code date} is the version's day; {@code at}, its exact time, is for moderators only (null for others).
 */
public record CameraVersionView(int version, String action, String author, String date, OffsetDateTime at,
                                List<String> changedFields, Map<String, Object> feature, String reason) {

    /** {@code exactTime}: the reader is a moderator. */
    public static CameraVersionView of(CameraVersion v, boolean exactTime) {
        return new CameraVersionView(v.version, v.action, v.author == null ? null : v.author.username,
                VersionDates.day(v.createdAt), exactTime ? v.createdAt : null, List.of(v.changedFields), VersionDates.withDays(v.wholeSnapshot()),
                v.reason);
    }
}
