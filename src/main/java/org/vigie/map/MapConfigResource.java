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
     * those of the other forms: a report's reason, the citizen watch's registers (WatchValues);
     * {@code offline}: what a visitor's device keeps for offline use (issue 15).
     */
    public record MapSettings(String tileUrl, String attribution, int maxZoom, Map<String, List<String>> values,
                              Offline offline) {
    }

    /** Answers of map areas and tiles the service worker keeps at most, the oldest let go first (at least 1 each). */
    public record Offline(int areas, int tiles) {
    }

    private final MapConfig config;

    public MapConfigResource(MapConfig config) {
        this.config = config;
    }

    @GET
    @Operation(summary = "The map's settings", description = "Tile URL template, its attribution, the deepest zoom, and the allowed values of each "
            + "enumerated camera property (kind, cameraType, mount, filmedArea, zone, capabilities, filmsWorkstations, "
            + "operatorType, signage, status, staffInformed, staffBodyConsulted) and of the other forms (reportReason, "
            + "budgetPurpose, requestSubject, requestOutcome), so that clients list them from one source; offline: how many"
            + " answers of map areas and tiles the app's service worker keeps on a visitor's device (vigie.map.offline-areas,"
            + " offline-tiles).")
    public MapSettings settings() {
        // a setting below 1 would keep nothing: the worker needs at least the view it shows
        Offline offline = new Offline(Math.max(1, config.offlineAreas()), Math.max(1, config.offlineTiles()));
        Map<String, List<String>> values = new LinkedHashMap<>(CameraValues.byProperty());
        values.put("reportReason", Arrays.stream(ReportReason.values()).map(WireEnum::wire).toList());
        values.putAll(WatchValues.byName());
        return new MapSettings(config.tileUrl(), config.attribution(), config.maxZoom(), values, offline);
    }
}
