package org.vigie.osm.upload;

import java.util.List;
import java.util.Map;

/**
 * One camera's change for OpenStreetMap: a node to create ({@code osmId} null), to modify or to
 * delete (its id and the version OpenStreetMap has), where it is and the tags to send (for a
 * deletion, the tags it had), with the camera and the version of it that this change was made from;
 * {@code action} is an {@link UploadAction}'s wire name.
 */
public record OsmEdit(long cameraId, int cameraVersion, String action, Long osmId, Integer osmVersion,
                      double lon, double lat, Map<String, String> tags) {

    // the wire names of UploadAction, where its values are listed
    public static final String CREATE = UploadAction.CREATE.wire();
    public static final String MODIFY = UploadAction.MODIFY.wire();
    public static final String DELETE = UploadAction.DELETE.wire();
    /** In the order an osmChange lists them. */
    static final List<String> ACTIONS = java.util.Arrays.stream(UploadAction.values()).map(UploadAction::wire).toList();

    /** The id in the files sent: OpenStreetMap's, or a negative placeholder for a new node. */
    long fileId(int index) {
        return osmId != null ? osmId : -(index + 1L);
    }
}
