package org.vigie.watch;

import org.vigie.camera.attribute.WireEnum;

/** What a records request asks the city for; the letter's wording follows it. */
public enum RequestSubject implements WireEnum {
    CAMERA_LIST, AUTHORISATIONS, BUDGETS, CNIL_RECORDS
}
