package org.vigie.watch;

import org.vigie.camera.attribute.WireEnum;

/** Where a records request stands: waiting, or what came back. */
public enum RequestOutcome implements WireEnum {
    PENDING, ANSWERED, PARTIAL, REFUSED
}
