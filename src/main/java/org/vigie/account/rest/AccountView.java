package org.vigie.account.rest;

import org.vigie.account.Account;

import java.time.OffsetDateTime;

/**
 * An account as the API shows it: never its e-mail address, never its password hash.
 * {@code osmConsent}: its contributions may be published in OpenStreetMap (ODbL).
 */
public record AccountView(String username, String role, OffsetDateTime createdAt, boolean osmConsent) {

    static AccountView of(Account account) {
        return new AccountView(account.username, account.role.wire(), account.createdAt, account.osmConsent);
    }
}
