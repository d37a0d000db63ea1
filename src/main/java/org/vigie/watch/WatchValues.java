package org.vigie.watch;

import org.vigie.camera.attribute.WireEnum;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The citizen watch's enumerations that its forms offer (budget lines, records requests), served
 * by GET /api/config `values` beside the camera's (CameraValues), so that the front end lists them
 * from their enums instead of keeping copies.
 */
public final class WatchValues {

    private WatchValues() {
    }

    /** Each enumeration's values, in the enums' order, by the name the front end reads. */
    public static Map<String, List<String>> byName() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("budgetPurpose", wires(BudgetPurpose.values()));
        values.put("requestSubject", wires(RequestSubject.values()));
        values.put("requestOutcome", wires(RequestOutcome.values()));
        return values;
    }

    private static List<String> wires(WireEnum[] constants) {
        return Arrays.stream(constants).map(WireEnum::wire).toList();
    }
}
