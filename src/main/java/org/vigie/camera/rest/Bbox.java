package org.vigie.camera.rest;

import org.vigie.common.problem.FieldError;

import java.util.List;

/** Parses {@code minLon,minLat,maxLon,maxLat} (the GeoJSON and OSM order) and says what is wrong with it. */
public final class Bbox {

    private static final String ORDER = "minLon,minLat,maxLon,maxLat";
    private static final String FORM = "must be " + ORDER + " in degrees";

    private Bbox() {
    }

    /** {@code whenMissing} is the reason given when no bbox was sent. */
    public static double[] parse(String raw, List<FieldError> errors, String whenMissing) {
        double[] none = {0, 0, 0, 0};
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError("bbox", whenMissing));
            return none;
        }
        String[] parts = raw.split(",");
        if (parts.length != 4) {
            errors.add(new FieldError("bbox", FORM + ", four numbers"));
            return none;
        }
        double[] box = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                box[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                errors.add(new FieldError("bbox", FORM + ": \"" + parts[i].strip() + "\" is not a number"));
                return none;
            }
            if (!Double.isFinite(box[i])) {
                errors.add(new FieldError("bbox", FORM + ": \"" + parts[i].strip() + "\" is not a finite number"));
                return none;
            }
        }
        if (Math.abs(box[0]) > 180 || Math.abs(box[2]) > 180) {
            errors.add(new FieldError("bbox", "longitudes must be between -180 and 180"));
        } else if (Math.abs(box[1]) > 90 || Math.abs(box[3]) > 90) {
            errors.add(new FieldError("bbox", "latitudes must be between -90 and 90"));
        } else if (box[0] > box[2] || box[1] > box[3]) {
            errors.add(new FieldError("bbox", "is inverted: the order is " + ORDER + ", minimum before maximum"));
        } else if (box[0] == box[2] || box[1] == box[3]) {
            // a line or a point is no area to search: JTS makes it a LineString or a Point, not a box
            errors.add(new FieldError("bbox", "has no width or no height: minLon must be below maxLon, and minLat below maxLat"));
        }
        return box;
    }
}
