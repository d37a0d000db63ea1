package org.vigie.importer;

import org.vigie.camera.CameraDraft;

/**
 * A camera ready to be written, everything computed but its city (found per block, by the writer):
 * its COPY fields before that last column, bytes {@code from} to {@code to} of {@code rows}, an
 * array it shares with the cameras prepared before and after it (no array of its own).
 */
record PreparedCamera(SourceObject object, CameraDraft draft, String hash, byte[] rows, int from, int to) {
}
