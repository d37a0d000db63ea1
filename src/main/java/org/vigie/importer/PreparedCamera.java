package org.vigie.importer;

import org.vigie.camera.CameraDraft;

/**
 * A camera ready to be written, everything computed but its city (found per block, by the writer):
 * its COPY fields before that last column.
 */
record PreparedCamera(SourceObject object, CameraDraft draft, String hash, byte[] fieldsBeforeCity) {
}
