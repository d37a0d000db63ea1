package org.vigie.watch;

import org.vigie.camera.attribute.WireEnum;

/** What a budget line paid for. */
public enum BudgetPurpose implements WireEnum {
    PURCHASE, INSTALLATION, MAINTENANCE, MONITORING_STAFF, OTHER
}
