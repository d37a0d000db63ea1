package org.vigie.cluster;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.camera.CameraQuery;
import org.vigie.camera.rest.CameraQueryParams;
import org.vigie.common.WholeNumber;
import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Camera counts per grid cell, for maps zoomed out too far to draw each camera. */
@Path("/api/cameras/clusters")
@Tag(name = "Cameras")
@Produces({"application/geo+json", "application/json"})
public class ClusterResource {

    private final ClusterService clusters;

    public ClusterResource(ClusterService clusters) {
        this.clusters = clusters;
    }

    @GET
    @Operation(summary = "Camera counts per cell of a grid",
            description = "bbox=minLon,minLat,maxLon,maxLat and zoom=0..22 (the map's zoom: the cells get smaller as it grows),"
                    + " with the same filters as GET /api/cameras. One Point per non-empty cell, at the mean position"
                    + " of its cameras, with their count and the cell's bounds.")
    @org.vigie.common.query.KnownQueryParameters
    public ClusterCollection clusters(@BeanParam CameraQueryParams params, @Parameter(description = "The map's zoom, a whole number from " + ClusterGrid.MIN_ZOOM + " to "
            + ClusterGrid.MAX_ZOOM + "; required: the cells get smaller as it grows.", required = true,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "" + ClusterGrid.MIN_ZOOM, maximum = "" + ClusterGrid.MAX_ZOOM))
            @QueryParam("zoom") String zoom) {
        List<FieldError> errors = new ArrayList<>();
        int z = zoom(zoom, errors);
        CameraQuery query = null;
        try {
            query = params.toQuery();
        } catch (ProblemException e) {
            errors.addAll(0, e.fieldErrors());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return ClusterCollection.of(clusters.cluster(query, ClusterGrid.at(z)));
    }

    private static int zoom(String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError("zoom", "is required: a whole number from 0 to 22"));
            return 0;
        }
        OptionalInt value = WholeNumber.within(raw, ClusterGrid.MIN_ZOOM, ClusterGrid.MAX_ZOOM);
        if (value.isEmpty()) {
            errors.add(new FieldError("zoom", "must be a whole number from 0 to 22, not \"" + raw.strip() + "\""));
        }
        return value.orElse(0);
    }
}
