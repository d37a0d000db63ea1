package org.vigie.importer;

import org.vigie.camera.CameraDraft;

/**
 * A camera ready to be written, everything computed but its id (known only when it is inserted):
 * its row for COPY after the id column, and its GeoJSON Feature after the "type" and "id" members.
 */
record PreparedCamera(SourceObject object, CameraDraft draft, String hash, String rowAfterId, String featureAfterId) {
}
