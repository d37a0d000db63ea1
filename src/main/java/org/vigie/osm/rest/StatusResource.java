package org.vigie.osm.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.osm.sync.SyncService;
import org.vigie.osm.sync.SyncStatus;

/** How current the instance's data is: the map's "about" text reads it. */
@Path("/api/status")
@Tag(name = "Status")
@Produces("application/json")
public class StatusResource {

    /** {@code osm}: the OpenStreetMap data's sequence, timestamp and lag (all null before the first sync). */
    public record Status(SyncStatus osm) {
    }

    private final SyncService sync;

    public StatusResource(SyncService sync) {
        this.sync = sync;
    }

    @GET
    @Operation(summary = "The instance's status", description = "The OpenStreetMap data: last replication sequence "
            + "applied, the data's timestamp, how many seconds behind now it is, and why the last sync stopped if it did.")
    public Status status() {
        return new Status(sync.status());
    }
}
