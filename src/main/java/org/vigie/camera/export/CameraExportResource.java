package org.vigie.camera.export;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.vigie.common.http.ExpensiveReads;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.camera.CameraCriteria;
import org.vigie.camera.CameraQuery;
import org.vigie.camera.rest.CameraQueryParams;
import org.vigie.common.problem.ProblemException;

/** GET /api/cameras/export: a whole selection as a file, for journalists and researchers. */
@Path("/api/cameras/export")
@Tag(name = "Cameras")
public class CameraExportResource {

    private final CameraExporter exporter;
    private final ExpensiveReads expensive;

    public CameraExportResource(CameraExporter exporter, ExpensiveReads expensive) {
        this.exporter = exporter;
        this.expensive = expensive;
    }

    @GET
    @Operation(summary = "Export cameras as GeoJSON or CSV",
            description = "format=geojson|csv with city=CODE or bbox (or both) and the filters of GET /api/cameras; "
                    + "no limit. Rows from OpenStreetMap carry the ODbL attribution. At most vigie.reads.expensive-at-once "
                    + "exports and live clusterings run at once: beyond, 503 with Retry-After.")
    @org.vigie.common.query.KnownQueryParameters
    public Response export(@Parameter(description = "geojson (a FeatureCollection) or csv (one row per camera, UTF-8);"
                                   + " required. Another value is refused (400).", required = true,
                                   schema = @Schema(type = SchemaType.STRING, enumeration = {"geojson", "csv"}))
                           @QueryParam("format") String format, @BeanParam CameraQueryParams params) {
        String chosen = format == null ? "" : format.strip();
        if (!chosen.equals("geojson") && !chosen.equals("csv")) {
            throw ProblemException.invalid("format", chosen.isEmpty() ? "is required: geojson or csv"
                    : "unknown format \"" + chosen + "\": geojson or csv");
        }
        CameraQuery query = params.toQuery();
        CameraCriteria criteria = exporter.prepare(query);
        String file = fileName(query) + "." + chosen;
        ExpensiveReads.Permit permit = expensive.enter(); // held until the last byte is written
        StreamingOutput body = out -> {
            try (permit) {
                if (chosen.equals("csv")) {
                    exporter.writeCsv(criteria, out);
                } else {
                    exporter.writeGeoJson(criteria, out);
                }
            }
        };
        return Response.ok(body)
                .type(chosen.equals("csv") ? "text/csv; charset=UTF-8" : "application/geo+json")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .build();
    }

    /** vigie-cameras-69123, or vigie-cameras-bbox; only safe characters reach the header. */
    static String fileName(CameraQuery query) {
        String area = query.city() != null ? query.city() : "bbox";
        return "vigie-cameras-" + area.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
