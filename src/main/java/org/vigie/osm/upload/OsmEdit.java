package org.vigie.osm.upload;

import java.util.List;
import java.util.Map;

/**
 * One camera's change for OpenStreetMap: a node to create ({@code osmId} null), to modify or to
 * delete (its id and the version OpenStreetMap has), where it is and the tags to send (for a
 * deletion, the tags it had), with the camera and the version of it that this change was made from.
 */
public record OsmEdit(long cameraId, int cameraVersion, String action, Long osmId, Integer osmVersion,
                      double lon, double lat, Map<String, String> tags) {

    public static final String CREATE = "create";
    public static final String MODIFY = "modify";
    public static final String DELETE = "delete";
    /** In the order an osmChange lists them. */
    static final List<String> ACTIONS = List.of(CREATE, MODIFY, DELETE);

    /** The id in the files sent: OpenStreetMap's, or a negative placeholder for a new node. */
    long fileId(int index) {
        return osmId != null ? osmId : -(index + 1L);
    }
}
