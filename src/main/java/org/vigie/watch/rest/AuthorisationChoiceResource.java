package org.vigie.watch.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.common.problem.ProblemException;
import org.vigie.common.query.KnownQueryParameters;
import org.vigie.common.query.LonLat;
import org.vigie.watch.CityWatchService;
import org.vigie.watch.CityWatchService.AuthorisationChoice;

/**
 * Issue 17: the authorisations a camera placed at a point may name, for the add form, which knows the
 * point but not yet the city: one request on a poor signal.
 */
@Path("/api/authorisations")
@Tag(name = "Citizen watch")
@Produces(MediaType.APPLICATION_JSON)
public class AuthorisationChoiceResource {

    private final CityWatchService watch;

    public AuthorisationChoiceResource(CityWatchService watch) {
        this.watch = watch;
    }

    @GET
    @KnownQueryParameters
    @Operation(summary = "The authorisations a camera at this point may name",
            description = "{city: {code, name}, authorisations: [...]}: the city the point falls in and its register, as"
                    + " GET /api/cities/{code}/authorisations answers it; city null and no authorisations outside every city.")
    public AuthorisationChoice at(@Parameter(description = "lon,lat in degrees (WGS 84): where the camera stands. Required.",
            example = "2.3522,48.8566", schema = @Schema(type = SchemaType.STRING)) @QueryParam("at") String at) {
        double[] point = LonLat.parse(at).orElseThrow(() -> ProblemException.invalid("at", "is required: lon,lat in degrees"));
        return watch.authorisationsAt(point[0], point[1]);
    }
}
