package org.vigie.map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.camera.attribute.CameraValues;
import org.vigie.camera.attribute.WireEnum;
import org.vigie.verification.ReportReason;
import org.vigie.watch.WatchValues;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The map page's settings, read once at start-up by the front end. */
@Path("/api/config")
@Tag(name = "Map")
@Produces("application/json")
public class MapConfigResource {

    /**
     * {@code values}: each enumerated camera property's allowed values, in order (CameraValues), and
     * those of the other forms: a report's reason, the citizen watch's registers (WatchValues).
     */
    public record MapSettings(String tileUrl, String attribution, int maxZoom, Map<String, List<String>> values) {
    }

    private final MapConfig config;

    public MapConfigResource(MapConfig config) {
        this.config = config;
    }

    @GET
    @Operation(summary = "The map's settings", description = "Tile URL template, its attribution, the deepest zoom, and the allowed values of each "
            + "enumerated camera property (kind, cameraType, mount, filmedArea, zone, capabilities, filmsWorkstations, "
            + "operatorType, signage, status, staffInformed, staffBodyConsulted) and of the other forms (reportReason, "
            + "budgetPurpose, requestSubject, requestOutcome), so that clients list them from one source.")
    public MapSettings settings() {
        Map<String, List<String>> values = new LinkedHashMap<>(CameraValues.byProperty());
        values.put("reportReason", Arrays.stream(ReportReason.values()).map(WireEnum::wire).toList());
        values.putAll(WatchValues.byName());
        return new MapSettings(config.tileUrl(), config.attribution(), config.maxZoom(), values);
    }
}
