package org.vigie.importer;

import org.vigie.camera.CameraDraft;

/**
 * A camera ready to be written, everything computed but its id and city (found per block, by the
 * writer): its COPY fields between those two columns.
 */
record PreparedCamera(SourceObject object, CameraDraft draft, String hash, BinaryCopy fieldsAfterId) {
}
