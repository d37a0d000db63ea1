package org.vigie.common.problem;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Any path under /api that no resource serves is a problem+json 404, not an empty or HTML page.
 * JAX-RS prefers the more specific paths of the real resources, so this only catches the rest.
 */
@Path("/api/{rest: .*}")
public class UnknownApiRoute {

    @GET
    @Operation(hidden = true)
    public void get(@PathParam("rest") String rest) {
        throw unknown(rest);
    }

    @POST
    @Operation(hidden = true)
    public void post(@PathParam("rest") String rest) {
        throw unknown(rest);
    }

    @PUT
    @Operation(hidden = true)
    public void put(@PathParam("rest") String rest) {
        throw unknown(rest);
    }

    @DELETE
    @Operation(hidden = true)
    public void delete(@PathParam("rest") String rest) {
        throw unknown(rest);
    }

    @PATCH
    @Operation(hidden = true)
    public void patch(@PathParam("rest") String rest) {
        throw unknown(rest);
    }

    private static ProblemException unknown(String rest) {
        return ProblemException.notFound("no API resource at /api/" + rest);
    }
}
