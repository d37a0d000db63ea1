package org.vigie.camera.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.vigie.camera.Camera;
import org.vigie.camera.Recheck;
import org.vigie.camera.attribute.Capability;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A camera's GeoJSON properties, as the API documents them. Enumerations are their wire values.
 * Its dates are days (UTC), for everyone: a camera added or confirmed at 14:32 would say where its
 * volunteer stood and when, a trace across cameras; a version's exact time is in the history, for
 * moderators ({@link CameraVersionView}).
 */
public record CameraProperties(
        String kind, String cameraType, String mount, List<Integer> directions, int fieldOfView, int range,
        Double height, Integer tilt, String filmedArea, String zone, String level, List<String> capabilities,
        String filmsWorkstations, String operator, String operatorType, String signage,
        // issue 17: what the sign says
        String signNamesOperator, String signGivesContact,
        String status, String notes, int confirmations, LocalDate lastConfirmedAt, boolean toRecheck,
        String source, String sourceId, CityView city,
        // issue 17: the prefectoral authorisation that covers it
        AuthorisationRefView authorisation,
        // issue 16: the site and what the employer owes the staff
        SiteView site, String staffInformed, String staffBodyConsulted, String viewers, Integer retentionDays,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> tags,
        int version,
        // issue 17: when it was first observed (a day, null when no source says) and when it entered Vigie (= createdAt)
        LocalDate firstSeen, LocalDate addedAt,
        LocalDate createdAt, LocalDate updatedAt) {

    public static CameraProperties of(Camera c) {
        return new CameraProperties(
                c.kind.wire(), c.cameraType.wire(), c.mount.wire(),
                Arrays.stream(c.directions).boxed().toList(), c.fieldOfView, c.range,
                c.height, c.tilt, c.filmedArea.wire(), c.zone.wire(), c.level,
                c.capabilities.stream().map(Capability::wire).toList(),
                c.filmsWorkstations.wire(), c.operator, c.operatorType.wire(), c.signage.wire(),
                c.signNamesOperator.wire(), c.signGivesContact.wire(), c.status.wire(),
                c.notes, c.confirmations, VersionDates.localDay(c.lastConfirmedAt), Recheck.due(c), c.source, c.sourceId, CityView.of(c.city),
                AuthorisationRefView.of(c.authorisation),
                SiteView.of(c.site), c.staffInformed.wire(), c.staffBodyConsulted.wire(), c.viewers, c.retentionDays,
                c.tags, c.version, c.firstSeen, VersionDates.localDay(c.createdAt), VersionDates.localDay(c.createdAt),
                VersionDates.localDay(c.updatedAt));
    }
}
