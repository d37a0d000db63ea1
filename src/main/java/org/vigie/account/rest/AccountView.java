package org.vigie.account.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.vigie.account.Account;
import org.vigie.account.Tokens;

import java.time.OffsetDateTime;

/**
 * An account as the API shows it: never its e-mail address, never its password hash.
 * {@code osmConsent}: its contributions may be published in OpenStreetMap (ODbL);
 * {@code suspension}: shown to moderators only, while the account is suspended.
 */
public record AccountView(String username, String role, OffsetDateTime createdAt, boolean osmConsent,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Suspension suspension) {

    /** Why and until when (null: until lifted) the account is suspended, since when. */
    public record Suspension(String reason, OffsetDateTime since, OffsetDateTime until) {
    }

    static AccountView of(Account account) {
        return new AccountView(account.username, account.role.wire(), account.createdAt, account.osmConsent, null);
    }

    /** As a moderator sees it: with its suspension, if any. */
    static AccountView forModerator(Account account) {
        Suspension suspension = account.suspendedAt(Tokens.now())
                ? new Suspension(account.suspensionReason, account.suspendedAt, account.suspendedUntil) : null;
        return new AccountView(account.username, account.role.wire(), account.createdAt, account.osmConsent, suspension);
    }
}
