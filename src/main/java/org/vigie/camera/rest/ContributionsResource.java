package org.vigie.camera.rest;

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
import org.vigie.account.Account;
import org.vigie.account.CurrentAccount;
import org.vigie.camera.Contributions;
import org.vigie.common.problem.ProblemException;
import org.vigie.common.query.KnownQueryParameters;
import org.vigie.common.query.Pages;

import java.util.List;

/** An account's contributions, newest first: what its page in the app lists. */
@Path("/api/accounts/{username}/contributions")
@Tag(name = "Accounts")
@Produces(MediaType.APPLICATION_JSON)
public class ContributionsResource {

    private final Contributions contributions;
    private final CurrentAccount current;

    public ContributionsResource(Contributions contributions, CurrentAccount current) {
        this.contributions = contributions;
        this.current = current;
    }

    /**
     * One version the account wrote: {@code date} is its day (UTC); {@code at}, the exact time, is
     * given to moderators only, so that nobody else can follow a volunteer's walk minute by minute.
     */
    public record Item(long cameraId, int version, String action, List<String> changedFields, String date, String at) {
    }

    /** A page: {@code next} is the {@code before} of the next page, null on the last one. */
    public record Page(String username, List<Item> items, String next) {
    }

    @GET
    @KnownQueryParameters
    @Operation(summary = "What an account wrote, newest first",
            description = "Each version it wrote: camera, version, action, changed fields, date (to the day; the exact time "
                    + "for moderators only). Pages: limit (1-200, default 50) and before (the next of the previous page). "
                    + "Versions of cameras a moderator hid are listed for moderators only.")
    public Page contributions(@PathParam("username") String username,
                              @Parameter(description = "At most this many versions: a whole number from 1 to 200, 50 when absent.",
                                      schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
                              @QueryParam("limit") @DefaultValue("50") String limit,
                              @Parameter(description = "The versions older than this point: the next of the previous page.",
                                      schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                              @QueryParam("before") String before) {
        int count = Pages.limit(limit, 200);
        Long cursor = Pages.before(before);
        Account author = Account.byUsername(username)
                .orElseThrow(() -> ProblemException.notFound("no account is named " + username));
        boolean moderator = current.isModerator();
        // One more than asked: whether a next page exists, without counting them all.
        List<Contributions.Contribution> found = contributions.page(author, count + 1, cursor, moderator);
        List<Item> items = found.stream().limit(count).map(c -> new Item(c.cameraId(), c.version(), c.action(),
                c.changedFields(), VersionDates.day(c.at()), moderator ? c.at().toString() : null)).toList();
        String next = found.size() > count ? String.valueOf(found.get(count - 1).id()) : null;
        return new Page(author.username, items, next);
    }
}
