package org.vigie.camera;

import org.vigie.camera.attribute.CameraStatus;
import org.vigie.camera.attribute.CameraType;
import org.vigie.camera.attribute.Kind;
import org.vigie.camera.attribute.OperatorType;
import org.vigie.camera.attribute.Signage;

import java.util.Set;

/**
 * A validated search: the area (longitude and latitude bounds) and optional filters; an empty
 * set means "any". {@code limit} is how many cameras to return at most.
 */
public record CameraQuery(double minLon, double minLat, double maxLon, double maxLat,
                          Set<Kind> kinds, Set<CameraType> cameraTypes, String operator,
                          Set<OperatorType> operatorTypes, Set<Signage> signages, Set<CameraStatus> statuses,
                          int limit) {

    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 5000;
}
