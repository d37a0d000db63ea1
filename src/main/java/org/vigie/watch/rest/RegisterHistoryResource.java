package org.vigie.watch.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.vigie.account.CurrentAccount;
import org.vigie.common.query.KnownQueryParameters;
import org.vigie.common.query.Pages;
import org.vigie.watch.Register;
import org.vigie.watch.RegisterHistory;
import org.vigie.watch.RegisterHistory.ChangeView;
import org.vigie.watch.RegisterHistory.Page;

import java.util.List;

/**
 * Issue 17: what was changed in a city's registers, public like the registers: the city's changes newest
 * first, and one entry's oldest first. The moderator is named; the exact time is for moderators only.
 */
@Path("/api/cities")
@Tag(name = "Citizen watch")
@Produces(MediaType.APPLICATION_JSON)
public class RegisterHistoryResource {

    private static final String CHANGE = "Each change: register (authorisations, budget, requests), entryId, action (created,"
            + " edited, answered, deleted), moderator (user name), date (the day, UTC), at (the exact time, moderators only),"
            + " fields ([{field, before, after}]: what it changed; every field given for a creation, none for a deletion),"
            + " entry (the entry as the change left it; as it was, for a deletion).";

    private final RegisterHistory history;
    private final CurrentAccount current;

    public RegisterHistoryResource(RegisterHistory history, CurrentAccount current) {
        this.history = history;
        this.current = current;
    }

    @GET
    @Path("{code}/registers/changes")
    @KnownQueryParameters
    @Operation(summary = "The changes made to a city's registers, newest first",
            description = CHANGE + " Pages: limit (1-200, default 50) and before (the next of the previous page; null on the last).")
    public Page changes(@PathParam("code") String code,
                        @Parameter(description = "At most this many changes: a whole number from 1 to 200, 50 when absent.",
                                schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
                        @QueryParam("limit") @DefaultValue("50") String limit,
                        @Parameter(description = "The changes older than this one: the next of the previous page.",
                                schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                        @QueryParam("before") String before) {
        return history.ofCity(code, Pages.limit(limit, 200), Pages.before(before), current.isModerator());
    }

    @GET
    @Path("{code}/{register: " + Register.PATHS + "}/{id: \\d+}/changes")
    @KnownQueryParameters
    @Operation(summary = "Every change of one register entry, oldest first",
            description = CHANGE + " A deleted entry's changes are read as well; 404 for an entry of another city.")
    public List<ChangeView> entryChanges(@PathParam("code") String code, @PathParam("register") String register,
                                         @PathParam("id") long id) {
        return history.ofEntry(Register.ofPath(register), code, id, current.isModerator());
    }
}
