package org.vigie.camera.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.vigie.camera.CameraQuery;
import org.vigie.camera.attribute.CameraStatus;
import org.vigie.camera.attribute.CameraType;
import org.vigie.camera.attribute.Kind;
import org.vigie.camera.attribute.OperatorType;
import org.vigie.camera.attribute.Signage;
import org.vigie.camera.CameraDraft;
import org.vigie.camera.attribute.Capability;
import org.vigie.camera.attribute.FilmedArea;
import org.vigie.camera.attribute.YesNoUnknown;
import org.vigie.camera.attribute.Zone;
import org.vigie.camera.attribute.WireEnum;
import org.vigie.common.WholeNumber;
import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The query string of a camera search. Filters take one value or several separated by commas
 * ({@code kind=camera,alpr}); every rejected parameter is reported. The area is a {@code bbox},
 * a {@code city} code, or both (the cameras of the city inside the box); a {@code site} may stand for it.
 */
public class CameraQueryParams {

    @QueryParam("bbox")
    @Parameter(description = "The area: minLon,minLat,maxLon,maxLat in degrees (WGS 84), west and south first;"
            + " required unless city or site is given. A malformed or inverted box is refused (400).",
            example = "5.70,45.17,5.75,45.20", schema = @Schema(type = SchemaType.STRING))
    public String bbox;
    @QueryParam("city")
    @Parameter(description = "The cameras of this city, by its official code (INSEE code in France: 38185 for"
            + " Grenoble); with a bbox, those of the city inside the box.", example = "38185",
            schema = @Schema(type = SchemaType.STRING))
    public String city;
    @QueryParam("kind")
    public String kind;
    @QueryParam("cameraType")
    public String cameraType;
    @QueryParam("operator")
    @Parameter(description = "Cameras whose operator is this name, case and accents aside (Mairie finds mairie).",
            schema = @Schema(type = SchemaType.STRING))
    public String operator;
    @QueryParam("operatorType")
    public String operatorType;
    @QueryParam("signage")
    public String signage;
    @QueryParam("status")
    public String status;
    @QueryParam("limit")
    @Parameter(description = "At most this many cameras (searches; exports have no limit): a whole number from 1 to "
            + CameraQuery.MAX_LIMIT + ", " + CameraQuery.DEFAULT_LIMIT + " when absent. Another value is refused (400).",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + CameraQuery.MAX_LIMIT,
                    defaultValue = "" + CameraQuery.DEFAULT_LIMIT))
    public String limit;
    // issue 16: where the camera is and what it can do
    @QueryParam("zone")
    public String zone;
    @QueryParam("filmedArea")
    public String filmedArea;
    @QueryParam("filmsWorkstations")
    public String filmsWorkstations;
    @QueryParam("capabilities")
    public String capabilities;
    @QueryParam("level")
    @Parameter(description = "Cameras on one of these floors (the level field as typed: 0, -1, RDC), comma-separated;"
            + " each at most " + CameraDraft.MAX_LEVEL + " characters.")
    public String level;
    @QueryParam("site")
    @Parameter(description = "Cameras of these workplace sites (ids), comma-separated; a site may stand for the area.")
    public String site;
    // issue 15: the cameras nobody confirmed for a long time, for volunteers to go and look
    @QueryParam("toRecheck")
    @Parameter(description = "true: only the cameras nobody confirmed (or added) for longer than the instance's"
            + " re-check period (vigie.verification.recheck-after, two years by default), those whose toRecheck is true;"
            + " false: only the others. Another value is refused (400).",
            schema = @Schema(type = SchemaType.BOOLEAN))
    public String toRecheck;
    // issue 17: the true date and what the sign says, for journalists
    @QueryParam("firstSeenFrom")
    @Parameter(description = "Cameras first seen on this day or later (firstSeen): yyyy-mm-dd, or a month (yyyy-mm) or a"
            + " year (yyyy) from its first day. Cameras no source dates are left out. Another value is refused (400).",
            example = "2015-01-01", schema = @Schema(type = SchemaType.STRING, pattern = FirstSeenRange.PATTERN))
    public String firstSeenFrom;
    @QueryParam("firstSeenTo")
    @Parameter(description = "Cameras first seen on this day or earlier (firstSeen): yyyy-mm-dd, or a month (yyyy-mm) or a"
            + " year (yyyy) to its last day (firstSeenTo=2014: before 2015). Cameras no source dates are left out; a day"
            + " before firstSeenFrom is refused (400), as is another value.",
            example = "2014", schema = @Schema(type = SchemaType.STRING, pattern = FirstSeenRange.PATTERN))
    public String firstSeenTo;
    // described and typed from CameraValues by CameraValuesInOpenApi, as the other enumerated filters
    @QueryParam("signNamesOperator")
    public String signNamesOperator;
    @QueryParam("signGivesContact")
    public String signGivesContact;

    public CameraQuery toQuery() {
        List<FieldError> errors = new ArrayList<>();
        String cityCode = city == null || city.isBlank() ? null : city.strip();
        CameraQuery.Area area = null;
        // a site's cameras are few and in one place: the site may stand for the area (issue 16)
        boolean bySite = site != null && !site.isBlank();
        if (bbox != null && !bbox.isBlank() || cityCode == null && !bySite) {
            double[] box = Bbox.parse(bbox, errors, "bbox, city or site is required: bbox=minLon,minLat,maxLon,maxLat in degrees,"
                    + " city=CODE or site=ID");
            area = new CameraQuery.Area(box[0], box[1], box[2], box[3]);
        }
        Set<Kind> kinds = values("kind", kind, Kind.class, errors);
        Set<CameraType> cameraTypes = values("cameraType", cameraType, CameraType.class, errors);
        Set<OperatorType> operatorTypes = values("operatorType", operatorType, OperatorType.class, errors);
        Set<Signage> signages = values("signage", signage, Signage.class, errors);
        Set<CameraStatus> statuses = values("status", status, CameraStatus.class, errors);
        CameraQuery.Workplace workplace = workplace(errors);
        int max = limit(errors);
        Boolean recheck = toRecheck(errors);
        CameraQuery.Watch watch = watch(errors);
        String op = operator == null || operator.isBlank() ? null : operator.strip();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new CameraQuery(area, cityCode, kinds, cameraTypes, op, operatorTypes, signages,
                statuses, max, workplace, recheck, watch);
    }

    private CameraQuery.Watch watch(List<FieldError> errors) {
        FirstSeenRange range = FirstSeenRange.parse(firstSeenFrom, firstSeenTo, errors);
        return new CameraQuery.Watch(range.from(), range.to(),
                values("signNamesOperator", signNamesOperator, YesNoUnknown.class, errors),
                values("signGivesContact", signGivesContact, YesNoUnknown.class, errors));
    }

    private CameraQuery.Workplace workplace(List<FieldError> errors) {
        return new CameraQuery.Workplace(
                values("zone", zone, Zone.class, errors),
                values("filmedArea", filmedArea, FilmedArea.class, errors),
                values("filmsWorkstations", filmsWorkstations, YesNoUnknown.class, errors),
                values("capabilities", capabilities, Capability.class, errors),
                levels(errors), sites(errors));
    }

    /** true or false; absent or blank means either. */
    private Boolean toRecheck(List<FieldError> errors) {
        if (toRecheck == null || toRecheck.isBlank()) {
            return null;
        }
        return switch (toRecheck.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                errors.add(new FieldError("toRecheck", "must be true or false"));
                yield null;
            }
        };
    }

    private Set<String> levels(List<FieldError> errors) {
        Set<String> levels = new LinkedHashSet<>();
        for (String value : list(level)) {
            if (value.codePointCount(0, value.length()) > CameraDraft.MAX_LEVEL) {
                errors.add(new FieldError("level", "each level is at most " + CameraDraft.MAX_LEVEL + " characters"));
            } else {
                levels.add(value);
            }
        }
        return levels;
    }

    private Set<Long> sites(List<FieldError> errors) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String value : list(site)) {
            OptionalLong id = WholeNumber.longWithin(value, 1, Long.MAX_VALUE);
            if (id.isPresent()) {
                ids.add(id.getAsLong());
            } else {
                errors.add(new FieldError("site", "must be site ids (whole numbers), not \"" + value + "\""));
            }
        }
        return ids;
    }

    /** The comma-separated values of a parameter, blanks left out. */
    private static List<String> list(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(raw.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private int limit(List<FieldError> errors) {
        if (limit == null || limit.isBlank()) {
            return CameraQuery.DEFAULT_LIMIT;
        }
        OptionalInt value = WholeNumber.within(limit, 1, CameraQuery.MAX_LIMIT);
        if (value.isEmpty()) {
            errors.add(new FieldError("limit", "must be a whole number from 1 to " + CameraQuery.MAX_LIMIT));
        }
        return value.orElse(CameraQuery.DEFAULT_LIMIT);
    }

    static <E extends Enum<E> & WireEnum> Set<E> values(String name, String raw, Class<E> type, List<FieldError> errors) {
        Set<E> values = EnumSet.noneOf(type);
        if (raw == null || raw.isBlank()) {
            return values;
        }
        for (String value : raw.split(",")) {
            WireEnum.parse(type, value.strip()).ifPresentOrElse(values::add,
                    () -> errors.add(new FieldError(name, "unknown value \"" + value.strip() + "\": " + WireEnum.allowed(type))));
        }
        return values;
    }
}
