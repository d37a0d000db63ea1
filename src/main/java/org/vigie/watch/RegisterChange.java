package org.vigie.watch;

import org.vigie.camera.attribute.WireEnum;

/**
 * What happened to a register entry, one row of city_register_change each: recorded, edited, a records
 * request's answer recorded, deleted. The row keeps the entry as it was before ({} for created).
 */
public enum RegisterChange implements WireEnum {
    CREATED, EDITED, ANSWERED, DELETED
}
