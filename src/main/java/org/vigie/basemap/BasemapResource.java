package org.vigie.basemap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;
import org.vigie.map.MapConfig;

import java.util.ArrayList;
import java.util.List;

/** The map's background tiles, relayed from the tile server (see {@link TileProxy}). */
@Path("/basemap")
@Tag(name = "Map")
public class BasemapResource {

    private final TileProxy tiles;
    private final MapConfig map;

    public BasemapResource(TileProxy tiles, MapConfig map) {
        this.tiles = tiles;
        this.map = map;
    }

    @GET
    @Path("{z}/{x}/{y}.png")
    @Operation(summary = "A map tile", description = "Relayed from the configured tile server and cached; z from 0 to the map's "
            + "deepest zoom, x and y from 0 to 2^z - 1. Bad coordinates are a 400 problem.")
    public Response tile(@PathParam("z") String z, @PathParam("x") String x, @PathParam("y") String y) {
        List<FieldError> errors = new ArrayList<>();
        int zoom = number("z", z, map.maxZoom(), errors);
        long side = 1L << (errors.isEmpty() ? zoom : map.maxZoom());
        int column = number("x", x, side - 1, errors);
        int row = number("y", y, side - 1, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        TileCache.Tile tile = tiles.tile(zoom, column, row);
        CacheControl cache = new CacheControl();
        cache.setMaxAge((int) Math.min(Integer.MAX_VALUE, tiles.maxAge(tile)));
        return Response.ok(tile.bytes(), tile.contentType()).cacheControl(cache).build();
    }

    private static int number(String field, String raw, long max, List<FieldError> errors) {
        if (raw != null && raw.matches("\\d{1,7}") && Long.parseLong(raw) <= max) {
            return Integer.parseInt(raw);
        }
        errors.add(new FieldError(field, "must be a whole number from 0 to " + max));
        return 0;
    }
}
