package org.vigie.verification;

import org.vigie.camera.attribute.WireEnum;

/** Why a volunteer reports a camera; its wire value is the name in lower case, as for camera attributes. */
public enum ReportReason implements WireEnum {
    GONE, WRONG_POSITION, WRONG_DETAILS, FAKE
}
