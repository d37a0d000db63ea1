package org.vigie.osm.upload;

import java.util.Map;

/**
 * One camera's change for OpenStreetMap: a node to create ({@code osmId} null) or to modify (its
 * id and the version OpenStreetMap has), where it is and the tags to send, with the camera and
 * the version of it that this change was made from; {@code action} is an {@link UploadAction}'s wire name.
 */
public record OsmEdit(long cameraId, int cameraVersion, String action, Long osmId, Integer osmVersion,
                      double lon, double lat, Map<String, String> tags) {

    /** The id in the files sent: OpenStreetMap's, or a negative placeholder for a new node. */
    long fileId(int index) {
        return osmId != null ? osmId : -(index + 1L);
    }
}
