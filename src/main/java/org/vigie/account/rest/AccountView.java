package org.vigie.account.rest;

import org.vigie.account.Account;

import java.time.OffsetDateTime;

/** An account as the API shows it: never its e-mail address, never its password hash. */
public record AccountView(String username, String role, OffsetDateTime createdAt) {

    static AccountView of(Account account) {
        return new AccountView(account.username, account.role.wire(), account.createdAt);
    }
}
