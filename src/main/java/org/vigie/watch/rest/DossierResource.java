package org.vigie.watch.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.watch.CityDossier;
import org.vigie.watch.DossierService;

/** A city's dossier as JSON: the figures a journalist cites, with their sources and licences. */
@Path("/api/cities")
@Tag(name = "Citizen watch")
public class DossierResource {

    private final DossierService dossiers;

    public DossierResource(DossierService dossiers) {
        this.dossiers = dossiers;
    }

    @GET
    @Path("{code}/dossier")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A city's dossier",
            description = "Cameras by operator type, status and kind; signs on public space; the timeline; authorisations, "
                    + "budget and records requests; the sources of the cameras with their credits and licences (ODbL for OpenStreetMap).")
    public CityDossier dossier(@PathParam("code") String code) {
        return dossiers.of(code);
    }
}
