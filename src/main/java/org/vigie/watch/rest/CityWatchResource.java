package org.vigie.watch.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.account.CurrentAccount;
import org.vigie.account.Role;
import org.vigie.camera.rest.IfMatch;
import org.vigie.watch.CityWatchService;
import org.vigie.watch.Register;
import org.vigie.watch.RegisterCorrections;
import org.vigie.watch.WatchEntries.AnswerInput;
import org.vigie.watch.WatchEntries.AuthorisationInput;
import org.vigie.watch.WatchEntries.AuthorisationView;
import org.vigie.watch.WatchEntries.BudgetInput;
import org.vigie.watch.WatchEntries.BudgetView;
import org.vigie.watch.WatchEntries.RequestInput;
import org.vigie.watch.WatchEntries.RequestView;

import java.net.URI;
import java.util.List;

/**
 * A city's registers over HTTP: anyone reads them, moderators add to them, correct and delete their entries
 * (PUT and DELETE with If-Match: the entry's version; issue 17).
 */
@Path("/api/cities")
@Tag(name = "Citizen watch")
@Produces(MediaType.APPLICATION_JSON)
public class CityWatchResource {

    private static final String CORRECTION = "Moderators. If-Match: the entry's version (428 without, 409 when stale); the body is checked"
            + " as on creation (400 naming each bad field). 404 for an unknown entry, 410 once deleted. The entry as it was is kept.";
    private static final String DELETION = "Moderators. If-Match: the entry's version (409 when stale). The entry leaves the lists and"
            + " the dossier (410 after); its row and the changes made to it stay.";

    private final CityWatchService watch;
    private final RegisterCorrections corrections;
    private final CurrentAccount account;

    public CityWatchResource(CityWatchService watch, RegisterCorrections corrections, CurrentAccount account) {
        this.watch = watch;
        this.corrections = corrections;
        this.account = account;
    }

    @GET
    @Path("{code}/authorisations")
    @Operation(summary = "A city's prefectoral authorisations", description = "Oldest first; expired says whether validUntil has passed.")
    public List<AuthorisationView> authorisations(@PathParam("code") String code) {
        return watch.authorisations(code);
    }

    @POST
    @Path("{code}/authorisations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.MODERATOR_NAME)
    @Operation(summary = "Record a prefectoral authorisation (moderators)",
            description = "reference, decidedOn (yyyy-mm-dd) and authority are required; validUntil defaults to five years after decidedOn.")
    public Response addAuthorisation(@PathParam("code") String code, AuthorisationInput body) {
        AuthorisationView made = watch.addAuthorisation(code, body, account.id());
        return Response.created(URI.create("/api/cities/" + code + "/authorisations")).entity(made).build();
    }

    @GET
    @Path("{code}/budget")
    @Operation(summary = "A city's budget lines for video surveillance", description = "Amounts in euros, oldest year first.")
    public List<BudgetView> budget(@PathParam("code") String code) {
        return watch.budget(code);
    }

    @POST
    @Path("{code}/budget")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.MODERATOR_NAME)
    @Operation(summary = "Record a budget line (moderators)",
            description = "year, amount (euros) and purpose (purchase, installation, maintenance, monitoring_staff, other) are required.")
    public Response addBudgetLine(@PathParam("code") String code, BudgetInput body) {
        BudgetView made = watch.addBudgetLine(code, body, account.id());
        return Response.created(URI.create("/api/cities/" + code + "/budget")).entity(made).build();
    }

    @GET
    @Path("{code}/requests")
    @Operation(summary = "Records requests (CADA) sent to a city",
            description = "ageDays counts from sending to the answer (or today); overdue: pending beyond the month the city has to answer.")
    public List<RequestView> requests(@PathParam("code") String code) {
        return watch.requests(code);
    }

    @POST
    @Path("{code}/requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.MODERATOR_NAME)
    @Operation(summary = "Record a records request sent to the city (moderators)",
            description = "subject (camera_list, authorisations, budgets, cnil_records) and sentOn (yyyy-mm-dd) are required.")
    public Response addRequest(@PathParam("code") String code, RequestInput body) {
        RequestView made = watch.addRequest(code, body, account.id());
        return Response.created(URI.create("/api/cities/" + code + "/requests/" + made.id())).entity(made).build();
    }

    @PUT
    @Path("{code}/requests/{id: \\d+}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.MODERATOR_NAME)
    @Operation(summary = "Record what came back for a request (moderators)",
            description = "outcome (answered, partial, refused) and answeredOn (yyyy-mm-dd) are required. If-Match: the request's"
                    + " version, as for a correction (428 without, 409 when stale); a later answer replaces an earlier one, and"
                    + " the request as it was is kept.")
    public RequestView answer(@PathParam("code") String code, @PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                              AnswerInput body) {
        return corrections.answer(code, id, IfMatch.version(ifMatch), body, account.id());
    }

    @PUT
    @Path("{code}/authorisations/{id: \\d+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.MODERATOR_NAME)
    @Operation(summary = "Correct a prefectoral authorisation (moderators)", description = CORRECTION)
    public AuthorisationView editAuthorisation(@PathParam("code") String code, @PathParam("id") long id,
                                               @HeaderParam("If-Match") String ifMatch, AuthorisationInput body) {
        return corrections.editAuthorisation(code, id, IfMatch.version(ifMatch), body, account.id());
    }

    @PUT
    @Path("{code}/budget/{id: \\d+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.MODERATOR_NAME)
    @Operation(summary = "Correct a budget line (moderators)", description = CORRECTION)
    public BudgetView editBudgetLine(@PathParam("code") String code, @PathParam("id") long id,
                                     @HeaderParam("If-Match") String ifMatch, BudgetInput body) {
        return corrections.editBudgetLine(code, id, IfMatch.version(ifMatch), body, account.id());
    }

    @PUT
    @Path("{code}/requests/{id: \\d+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.MODERATOR_NAME)
    @Operation(summary = "Correct a records request (moderators)", description = CORRECTION
            + " subject, sentOn, notes and documentUrl; what came back is recorded with PUT .../answer.")
    public RequestView editRequest(@PathParam("code") String code, @PathParam("id") long id,
                                   @HeaderParam("If-Match") String ifMatch, RequestInput body) {
        return corrections.editRequest(code, id, IfMatch.version(ifMatch), body, account.id());
    }

    /** One route for the three registers: a deletion is the same whatever the entry (Register names its entity). */
    @DELETE
    @Path("{code}/{register: " + Register.PATHS + "}/{id: \\d+}")
    @RolesAllowed(Role.MODERATOR_NAME)
    @Operation(summary = "Delete an entry of a register: authorisations, budget or requests (moderators)", description = DELETION
            + " An authorisation that cameras on the map name stays: 409 authorisation-named-by-cameras with their number.")
    public Response delete(@PathParam("code") String code, @PathParam("register") String register, @PathParam("id") long id,
                           @HeaderParam("If-Match") String ifMatch) {
        corrections.delete(Register.ofPath(register).entity, code, id, IfMatch.version(ifMatch), account.id());
        return Response.noContent().build();
    }
}
