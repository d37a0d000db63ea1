package org.vigie.watch;

import org.vigie.camera.attribute.WireEnum;

/** What happened to a register entry whose earlier state city_register_change keeps. */
public enum RegisterChange implements WireEnum {
    EDITED, DELETED
}
