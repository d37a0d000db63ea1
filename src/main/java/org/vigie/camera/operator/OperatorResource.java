package org.vigie.camera.operator;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;
import org.vigie.common.query.LonLat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Operator suggestions for the camera form: who runs cameras around here. */
@Path("/api/operators")
@Tag(name = "Cameras")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorResource {

    private static final Set<String> PARAMETERS = Set.of("q", "near");
    private static final int MAX_TEXT = 200;

    private final OperatorSuggestions suggestions;

    public OperatorResource(OperatorSuggestions suggestions) {
        this.suggestions = suggestions;
    }

    @GET
    @Operation(summary = "Operators known around a point",
            description = "near=LON,LAT (required): the operators of the cameras within 5 km, with how many cameras each,"
                    + " the most frequent first (20 at most); q=TEXT keeps those whose name contains it, accents, case and"
                    + " punctuation aside.")
    public List<OperatorSuggestions.Operator> operators(
            @Parameter(description = "Text the operator's name contains, accents, case and punctuation aside; at most "
                    + MAX_TEXT + " characters.", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_TEXT))
            @QueryParam("q") String q,
            @Parameter(description = "LON,LAT in degrees (WGS 84): the operators of the cameras within 5 km; required.",
                    required = true, example = "5.7263,45.1903", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("near") String near,
                                                        @Context UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : uri.getQueryParameters().keySet()) {
            if (!PARAMETERS.contains(name)) {
                errors.add(new FieldError(name, "unknown parameter: q and near are known"));
            }
        }
        double[] point = point(near, errors);
        if (q != null && q.length() > MAX_TEXT) {
            errors.add(new FieldError("q", "at most " + MAX_TEXT + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return suggestions.near(point[0], point[1], q);
    }

    private static double[] point(String near, List<FieldError> errors) {
        return LonLat.parse(near).orElseGet(() -> {
            errors.add(new FieldError("near", "must be LON,LAT (longitude from -180 to 180, latitude from -90 to 90)"));
            return new double[2];
        });
    }
}
