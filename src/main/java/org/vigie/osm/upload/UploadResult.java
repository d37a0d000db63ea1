package org.vigie.osm.upload;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One upload to OpenStreetMap: its changeset and comment, the cameras sent (with the node id and
 * version OpenStreetMap gave them) and those held for review, with the API's reason.
 */
public record UploadResult(long id, Long changeset, String comment, String uploadedBy, OffsetDateTime at,
                           List<Item> sent, List<Item> held) {

    /** {@code releasedAt}: when a moderator released a held camera to be sent again; null otherwise. */
    public record Item(long cameraId, int cameraVersion, String action, String osmId, Integer osmVersion, String problem,
                       OffsetDateTime releasedAt) {
    }
}
