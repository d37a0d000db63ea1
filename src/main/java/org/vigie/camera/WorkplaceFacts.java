package org.vigie.camera;

import org.vigie.camera.attribute.YesNoUnknown;
import org.vigie.common.problem.ProblemException;
import org.vigie.site.SiteRef;

/**
 * What a camera's employer owes the staff, and the site it belongs to (issue 16). Kept apart from
 * the other attributes of a {@link CameraDraft} because importers never say any of it: a draft
 * without facts (null) leaves the camera's as they are.
 */
public record WorkplaceFacts(Long siteId, YesNoUnknown staffInformed, YesNoUnknown staffBodyConsulted,
                             String viewers, Integer retentionDays) {

    public static final int MAX_VIEWERS = 500;
    public static final int MAX_RETENTION_DAYS = 3650;
    public static final WorkplaceFacts NONE = new WorkplaceFacts(null, YesNoUnknown.UNKNOWN, YesNoUnknown.UNKNOWN, null, null);

    /** Must run inside a transaction: an unknown site is refused as a bad field, not a foreign key failure. */
    void applyTo(Camera camera) {
        if (siteId != null && !siteId.equals(camera.siteId)) {
            SiteRef site = Camera.getEntityManager().find(SiteRef.class, siteId);
            if (site == null) {
                throw ProblemException.invalid("properties.site", "no site has the id " + siteId);
            }
            if (site.removedAt != null) {
                throw ProblemException.invalid("properties.site", "site " + siteId + " was deleted");
            }
        }
        camera.siteId = siteId;
        camera.staffInformed = staffInformed;
        camera.staffBodyConsulted = staffBodyConsulted;
        camera.viewers = viewers;
        camera.retentionDays = retentionDays;
    }
}
