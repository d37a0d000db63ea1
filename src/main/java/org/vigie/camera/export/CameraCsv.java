package org.vigie.camera.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.vigie.camera.Camera;
import org.vigie.camera.rest.CameraProperties;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One camera per CSV row: id, lon, lat, then every property of the API. Lists (directions,
 * capabilities) are joined with ";", the city is split into cityCode and cityName (the site into
 * siteId and siteName, the authorisation into authorisationId and authorisationReference), raw tags are
 * a JSON object. The last column, {@code attribution}, credits OpenStreetMap on the rows derived
 * from it (a field rather than a comment line, which CSV readers would take for a row).
 * <p>
 * Free-text cells that a spreadsheet would run as a formula (starting with = + - @) get a
 * leading apostrophe, the usual defence against CSV injection.
 */
final class CameraCsv {

    static final List<String> COLUMNS = List.of("id", "lon", "lat", "kind", "cameraType", "mount", "directions",
            "fieldOfView", "range", "height", "tilt", "filmedArea", "zone", "level", "capabilities",
            "filmsWorkstations", "siteId", "siteName", "staffInformed", "staffBodyConsulted", "viewers", "retentionDays",
            "operator", "operatorType", "signage", "signNamesOperator", "signGivesContact", "status", "notes", "confirmations", "lastConfirmedAt", "toRecheck", "source", "sourceId",
            "cityCode", "cityName", "authorisationId", "authorisationReference", "tags", "version", "firstSeen", "addedAt",
            "createdAt", "updatedAt", "attribution");

    private final ObjectMapper json;

    CameraCsv(ObjectMapper json) {
        this.json = json;
    }

    static String header() {
        return Csv.record(COLUMNS);
    }

    String row(Camera camera) {
        CameraProperties p = CameraProperties.of(camera);
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(String.valueOf(camera.id));
        cells.add(String.valueOf(camera.position.getX()));
        cells.add(String.valueOf(camera.position.getY()));
        cells.add(p.kind());
        cells.add(p.cameraType());
        cells.add(p.mount());
        cells.add(p.directions().stream().map(String::valueOf).collect(Collectors.joining(";")));
        cells.add(String.valueOf(p.fieldOfView()));
        cells.add(String.valueOf(p.range()));
        cells.add(text(p.height()));
        cells.add(text(p.tilt()));
        cells.add(p.filmedArea());
        cells.add(p.zone());
        cells.add(safe(p.level()));
        cells.add(String.join(";", p.capabilities()));
        cells.add(p.filmsWorkstations());
        cells.add(p.site() == null ? null : String.valueOf(p.site().id()));
        cells.add(p.site() == null ? null : safe(p.site().name()));
        cells.add(p.staffInformed());
        cells.add(p.staffBodyConsulted());
        cells.add(safe(p.viewers()));
        cells.add(text(p.retentionDays()));
        cells.add(safe(p.operator()));
        cells.add(p.operatorType());
        cells.add(p.signage());
        cells.add(p.signNamesOperator());
        cells.add(p.signGivesContact());
        cells.add(p.status());
        cells.add(safe(p.notes()));
        cells.add(String.valueOf(p.confirmations()));
        cells.add(text(p.lastConfirmedAt()));
        cells.add(String.valueOf(p.toRecheck()));
        cells.add(p.source());
        cells.add(safe(p.sourceId()));
        cells.add(p.city() == null ? null : p.city().code());
        cells.add(p.city() == null ? null : safe(p.city().name()));
        cells.add(p.authorisation() == null ? null : String.valueOf(p.authorisation().id()));
        cells.add(p.authorisation() == null ? null : safe(p.authorisation().reference()));
        cells.add(p.tags() == null ? null : tags(p));
        cells.add(String.valueOf(p.version()));
        cells.add(text(p.firstSeen()));
        cells.add(text(p.addedAt()));
        cells.add(text(p.createdAt()));
        cells.add(text(p.updatedAt()));
        cells.add(OsmAttribution.of(p.source()));
        return Csv.record(cells);
    }

    private String tags(CameraProperties p) {
        try {
            return json.writeValueAsString(p.tags());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * Text a spreadsheet would run as a formula gets a leading quote; a number ("-1", a floor)
     * stays as it is, so that the file round-trips.
     */
    static String safe(String text) {
        if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !NUMBER.matcher(text).matches()) {
            return "'" + text;
        }
        return text;
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[-+]?\\d+([.,]\\d+)?");
}
