package org.vigie.city.rest;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;
import org.vigie.camera.rest.CameraQueryParams;
import org.vigie.common.query.KnownQueryParameters;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.city.CityNotFound;
import org.vigie.city.CityService;
import org.vigie.city.CityStats;
import org.vigie.city.CityStatsService;
import org.vigie.common.WholeNumber;
import org.vigie.common.problem.ProblemException;

import java.util.List;

/** Cities over HTTP: search by name, one city's boundary, and its statistics. */
@Path("/api/cities")
@Tag(name = "Cities")
public class CityResource {

    private final CityService cities;
    private final CityStatsService stats;

    public CityResource(CityService cities, CityStatsService stats) {
        this.cities = cities;
        this.stats = stats;
    }

    @GET
    @Produces("application/json")
    @Operation(summary = "Find cities by name",
            description = "q is a prefix of the name, case- and accent-insensitive (besancon finds Besançon), or of the code.")
    public List<CityService.Summary> search(
            @Parameter(description = "The start of the city's name (any case, accents aside) or of its code.",
                    example = "besan", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("q") String q,
            @Parameter(description = "At most this many cities: a whole number from 1 to " + CityService.MAX_LIMIT + ", "
                    + CityService.DEFAULT_LIMIT + " when absent. Another value is refused (400).",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + CityService.MAX_LIMIT,
                            defaultValue = "" + CityService.DEFAULT_LIMIT))
            @QueryParam("limit") String limit) {
        return cities.search(q, limit(limit));
    }

    @GET
    @Path("{code}")
    @Produces({"application/geo+json", "application/json"})
    @Operation(summary = "One city", description = "A Feature with the boundary, the area in km² and the camera count.")
    public CityFeature get(@PathParam("code") String code) {
        return cities.find(code).map(CityFeature::of).orElseThrow(() -> new CityNotFound(code));
    }

    @GET
    @Path("{code}/stats")
    @Produces("application/json")
    @Operation(summary = "Statistics of a city's cameras",
            description = "Counts by kind, type, operator, area filmed, zone, capability, workstations filmed, signage, status"
                    + " and site; density; additions per month. Takes the filters of GET /api/cameras (and a bbox): the"
                    + " figures are then those of the cameras kept. An unknown parameter or value is a 400.")
    @KnownQueryParameters
    public CityStats stats(@PathParam("code") String code, @BeanParam CameraQueryParams filters,
                           @jakarta.ws.rs.core.Context UriInfo uri) {
        if (uri.getQueryParameters().isEmpty()) {
            return stats.of(code);
        }
        if (filters.city != null && !filters.city.strip().equals(code)) {
            throw ProblemException.invalid("city", "the city is the one in the path, " + code);
        }
        if (filters.limit != null) {
            throw ProblemException.invalid("limit", "statistics count every camera: no limit");
        }
        filters.city = code;
        return stats.of(code, filters.toQuery());
    }

    private static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return CityService.DEFAULT_LIMIT;
        }
        return WholeNumber.within(raw, 1, CityService.MAX_LIMIT).orElseThrow(
                () -> ProblemException.invalid("limit", "must be a whole number from 1 to " + CityService.MAX_LIMIT));
    }
}
