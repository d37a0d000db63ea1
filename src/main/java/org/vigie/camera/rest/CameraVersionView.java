package org.vigie.camera.rest;

import org.vigie.camera.CameraVersion;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One entry of a camera's history: which version, who wrote it (a pseudonymous user name, null for
 * imports), what was done, what changed, and the Feature as it was; {@code reason} says why when the
 * action alone does not (a camera taken down because OpenStreetMap deleted it), null otherwise.
 */
public record CameraVersionView(int version, String action, String author, OffsetDateTime at,
                                List<String> changedFields, Map<String, Object> feature, String reason) {

    public static CameraVersionView of(CameraVersion v) {
        return new CameraVersionView(v.version, v.action, v.author == null ? null : v.author.username, v.createdAt,
                List.of(v.changedFields), v.snapshot, v.reason);
    }
}
