package org.vigie.verification;

import org.vigie.camera.attribute.CameraStatus;
import org.vigie.camera.attribute.WireEnum;

/**
 * How a report on a camera ended (camera_report.resolution): settled by a moderator as the status
 * the camera was given, withdrawn by its author's account being suspended (VerificationRecount), or
 * closed on a camera readers no longer see. Its values are listed here only (EnumerationChecksTest).
 */
public enum ReportResolution implements WireEnum {
    REPORTED, VERIFIED, REMOVED, WITHDRAWN, CLOSED;

    /** The resolution of the reports of a camera settled as {@code status} (never "disputed": settling ends it). */
    public static ReportResolution settledAs(CameraStatus status) {
        return switch (status) {
            case REPORTED -> REPORTED;
            case VERIFIED -> VERIFIED;
            case REMOVED -> REMOVED;
            case DISPUTED -> throw new IllegalArgumentException("a settled camera is no longer disputed");
        };
    }
}
