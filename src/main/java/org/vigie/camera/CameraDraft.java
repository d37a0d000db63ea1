package org.vigie.camera;

import org.vigie.camera.attribute.CameraType;
import org.vigie.common.geo.Geometries;
import org.vigie.camera.attribute.Capability;
import org.vigie.camera.attribute.FilmedArea;
import org.vigie.camera.attribute.Kind;
import org.vigie.camera.attribute.Mount;
import org.vigie.camera.attribute.OperatorType;
import org.vigie.camera.attribute.Signage;
import org.vigie.camera.attribute.YesNoUnknown;
import org.vigie.camera.attribute.Zone;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a client (or an importer) says about a camera, already validated. {@code fieldOfView} and
 * {@code range} may be null: the camera type's defaults then apply.
 */
public record CameraDraft(double lon, double lat, Kind kind, CameraType cameraType, Mount mount,
                          List<Integer> directions, Integer fieldOfView, Integer range, Double height, Integer tilt,
                          FilmedArea filmedArea, Zone zone, String level, Set<Capability> capabilities,
                          YesNoUnknown filmsWorkstations, String operator, OperatorType operatorType,
                          Signage signage, String notes,
                          // issue 17: when the camera was first observed; null keeps the camera's (none for a new one)
                          LocalDate firstSeen,
                          // issue 16: null when the source says nothing of it (imports), which keeps the camera's
                          WorkplaceFacts workplace,
                          // issue 17: the same for what the sign says and the authorisation
                          WatchFacts watch) {

    /** A draft that says nothing of the workplace, the sign's words nor the authorisation (importers). */
    public CameraDraft(double lon, double lat, Kind kind, CameraType cameraType, Mount mount,
                       List<Integer> directions, Integer fieldOfView, Integer range, Double height, Integer tilt,
                       FilmedArea filmedArea, Zone zone, String level, Set<Capability> capabilities,
                       YesNoUnknown filmsWorkstations, String operator, OperatorType operatorType,
                       Signage signage, String notes, LocalDate firstSeen) {
        this(lon, lat, kind, cameraType, mount, directions, fieldOfView, range, height, tilt, filmedArea, zone, level,
                capabilities, filmsWorkstations, operator, operatorType, signage, notes, firstSeen, null, null);
    }

    public static final int MAX_OPERATOR = 200;
    public static final int MAX_NOTES = 2000;
    public static final int MAX_LEVEL = 20;
    public static final int MAX_DIRECTIONS = 16;
    public static final double MAX_HEIGHT = 500;
    public static final int MAX_RANGE = 500;

    public int effectiveFieldOfView() {
        return fieldOfView != null ? fieldOfView : cameraType.defaultFieldOfView();
    }

    public int effectiveRange() {
        return range != null ? range : cameraType.defaultRange();
    }

    /** Sets the camera's attributes from this draft (its field of view follows from them). */
    public void applyTo(Camera camera) {
        camera.position = Geometries.point(lon(), lat());
        camera.kind = kind();
        camera.cameraType = cameraType();
        camera.mount = mount();
        camera.directions = directions().stream().mapToInt(Integer::intValue).toArray();
        camera.fieldOfView = effectiveFieldOfView();
        camera.range = effectiveRange();
        camera.height = height();
        camera.tilt = tilt();
        camera.filmedArea = filmedArea();
        camera.zone = zone();
        camera.level = level();
        camera.capabilities = capabilities();
        camera.filmsWorkstations = filmsWorkstations();
        camera.operator = operator();
        camera.operatorType = operatorType();
        camera.signage = signage();
        camera.notes = notes();
        if (firstSeen() != null) {
            camera.firstSeen = firstSeen();
        }
        if (workplace() != null) {
            workplace().applyTo(camera);
        }
        if (watch() != null) {
            watch().applyTo(camera);
        } else if (signage() != Signage.PRESENT) {
            // an import that no longer knows of a sign cannot know what it says
            camera.signNamesOperator = YesNoUnknown.UNKNOWN;
            camera.signGivesContact = YesNoUnknown.UNKNOWN;
        }
    }
}
