package org.vigie.site.plan.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.common.query.KnownQueryParameters;
import org.vigie.site.plan.FloorPlanService;

/** The image of a floor plan, by the id of its upload. */
@Path(FloorPlanImageResource.PATH)
@Tag(name = "Sites")
public class FloorPlanImageResource {

    static final String PATH = "/api/floor-plans";
    /** Short, so that a replaced plan leaves browser caches soon; revalidation is cheap (304). */
    private static final int MAX_AGE_S = 300;

    private final FloorPlanService plans;

    public FloorPlanImageResource(FloorPlanService plans) {
        this.plans = plans;
    }

    @GET
    @Path("{id: \\d+}")
    @Produces("image/jpeg")
    @KnownQueryParameters
    @Operation(summary = "A floor plan's image", description = "A JPEG of at most 2400 px without metadata; 410 once replaced or removed.")
    public Response image(@PathParam("id") long id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        EntityTag tag = new EntityTag("fp" + id);
        byte[] bytes = plans.image(id); // checks that it is still shown, also on revalidation
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_S);
        Response.ResponseBuilder response = ("\"" + tag.getValue() + "\"").equals(ifNoneMatch)
                ? Response.notModified(tag)
                : Response.ok(bytes, "image/jpeg").tag(tag)
                        .header("Content-Disposition", "inline; filename=\"vigie-floor-plan-" + id + ".jpg\"");
        return response.cacheControl(cache).build();
    }
}
