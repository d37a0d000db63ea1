package org.vigie.camera;

import org.vigie.camera.attribute.CameraStatus;
import org.vigie.camera.attribute.CameraType;
import org.vigie.camera.attribute.Capability;
import org.vigie.camera.attribute.FilmedArea;
import org.vigie.camera.attribute.Kind;
import org.vigie.camera.attribute.OperatorType;
import org.vigie.camera.attribute.Signage;
import org.vigie.camera.attribute.YesNoUnknown;
import org.vigie.camera.attribute.Zone;

import java.time.LocalDate;
import java.util.Set;

/**
 * A validated search: an area (longitude and latitude bounds), a city code, or both, and
 * optional filters; a null area or city, or an empty set, means "any". {@code limit} is how many
 * cameras to return at most (exports ignore it: they return the whole selection). {@code toRecheck}
 * keeps the cameras due for a fresh look ({@link Recheck}) when true, the others when false, and
 * all of them when null. {@code watch} holds the citizen-watch filters (issue 17): the true date
 * and the sign's words.
 */
public record CameraQuery(Area area, String city,
                          Set<Kind> kinds, Set<CameraType> cameraTypes, String operator,
                          Set<OperatorType> operatorTypes, Set<Signage> signages, Set<CameraStatus> statuses,
                          int limit, Workplace workplace, Boolean toRecheck, Watch watch) {

    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 5000;

    /** A search without the workplace filters. */
    public CameraQuery(Area area, String city, Set<Kind> kinds, Set<CameraType> cameraTypes, String operator,
                       Set<OperatorType> operatorTypes, Set<Signage> signages, Set<CameraStatus> statuses, int limit) {
        this(area, city, kinds, cameraTypes, operator, operatorTypes, signages, statuses, limit, Workplace.NONE, null);
    }

    /** A search without the "to re-check" filter. */
    public CameraQuery(Area area, String city, Set<Kind> kinds, Set<CameraType> cameraTypes, String operator,
                       Set<OperatorType> operatorTypes, Set<Signage> signages, Set<CameraStatus> statuses, int limit,
                       Workplace workplace) {
        this(area, city, kinds, cameraTypes, operator, operatorTypes, signages, statuses, limit, workplace, null);
    }

    /** A search without the citizen-watch filters. */
    public CameraQuery(Area area, String city, Set<Kind> kinds, Set<CameraType> cameraTypes, String operator,
                       Set<OperatorType> operatorTypes, Set<Signage> signages, Set<CameraStatus> statuses, int limit,
                       Workplace workplace, Boolean toRecheck) {
        this(area, city, kinds, cameraTypes, operator, operatorTypes, signages, statuses, limit, workplace, toRecheck, Watch.NONE);
    }

    public CameraQuery {
        workplace = workplace == null ? Workplace.NONE : workplace;
        watch = watch == null ? Watch.NONE : watch;
    }

    /** The same search over another area. */
    public CameraQuery withArea(Area other) {
        return new CameraQuery(other, city, kinds, cameraTypes, operator, operatorTypes, signages, statuses, limit, workplace,
                toRecheck, watch);
    }

    /**
     * The citizen-watch filters (issue 17): cameras first seen from {@code firstSeenFrom} to
     * {@code firstSeenTo}, both days included (null: no bound; a camera no source dates is left out as
     * soon as a bound is given), and whose sign says what {@code signNamesOperator} and
     * {@code signGivesContact} keep (any of the values; empty: any).
     */
    public record Watch(LocalDate firstSeenFrom, LocalDate firstSeenTo, Set<YesNoUnknown> signNamesOperator,
                        Set<YesNoUnknown> signGivesContact) {

        public static final Watch NONE = new Watch(null, null, Set.of(), Set.of());

        public boolean isEmpty() {
            return firstSeenFrom == null && firstSeenTo == null && signNamesOperator.isEmpty() && signGivesContact.isEmpty();
        }
    }

    /** A bounding box in degrees, minimum before maximum. */
    public record Area(double minLon, double minLat, double maxLon, double maxLat) {
    }

    /**
     * The filters on where a camera is and what it can do (issue 16): each set means "any of these";
     * {@code capabilities} keeps the cameras with at least one of them, {@code levels} and
     * {@code sites} match the camera's level text and site id.
     */
    public record Workplace(Set<Zone> zones, Set<FilmedArea> filmedAreas, Set<YesNoUnknown> filmsWorkstations,
                            Set<Capability> capabilities, Set<String> levels, Set<Long> sites) {

        public static final Workplace NONE = new Workplace(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

        public boolean isEmpty() {
            return zones.isEmpty() && filmedAreas.isEmpty() && filmsWorkstations.isEmpty() && capabilities.isEmpty()
                    && levels.isEmpty() && sites.isEmpty();
        }
    }
}
