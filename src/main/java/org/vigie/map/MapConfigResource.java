package org.vigie.map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The map page's settings, read once at start-up by the front end. */
@Path("/api/config")
@Tag(name = "Map")
@Produces("application/json")
public class MapConfigResource {

    public record MapSettings(String tileUrl, String attribution, int maxZoom) {
    }

    private final MapConfig config;

    public MapConfigResource(MapConfig config) {
        this.config = config;
    }

    @GET
    @Operation(summary = "The map's settings", description = "Tile URL template, its attribution and the deepest zoom.")
    public MapSettings settings() {
        return new MapSettings(config.tileUrl(), config.attribution(), config.maxZoom());
    }
}
