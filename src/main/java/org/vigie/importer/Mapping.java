package org.vigie.importer;

import org.vigie.camera.CameraDraft;

import java.util.List;

/** What a mapper made of one source object: a camera (with notes on odd values), or a reason to skip it. */
public sealed interface Mapping {

    /** A camera to import; {@code notes} are reason codes for values kept raw but not understood. */
    record Accepted(CameraDraft draft, List<String> notes) implements Mapping {
    }

    /** Not a camera, or unusable: counted under {@code reason} in the report. */
    record Skipped(String reason) implements Mapping {
    }
}
