package org.vigie.camera;

import org.vigie.camera.attribute.CameraStatus;
import org.vigie.camera.attribute.CameraType;
import org.vigie.camera.attribute.Kind;
import org.vigie.camera.attribute.OperatorType;
import org.vigie.camera.attribute.Signage;

import java.util.Set;

/**
 * A validated search: an area (longitude and latitude bounds), a city code, or both, and
 * optional filters; a null area or city, or an empty set, means "any". {@code limit} is how many
 * cameras to return at most (exports ignore it: they return the whole selection).
 */
public record CameraQuery(Area area, String city,
                          Set<Kind> kinds, Set<CameraType> cameraTypes, String operator,
                          Set<OperatorType> operatorTypes, Set<Signage> signages, Set<CameraStatus> statuses,
                          int limit) {

    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 5000;

    /** A bounding box in degrees, minimum before maximum. */
    public record Area(double minLon, double minLat, double maxLon, double maxLat) {
    }
}
