package org.vigie.camera.rest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The public date of a version: its day, in UTC. A volunteer's versions timed to the microsecond
 * would tell where they walked, and when; moderators alone see the exact time.
 */
final class VersionDates {

    private VersionDates() {
    }

    static String day(OffsetDateTime at) {
        return at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toString();
    }
}
