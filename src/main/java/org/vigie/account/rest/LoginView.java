package org.vigie.account.rest;

import org.vigie.account.AccountService;

/** What a login answers: the token (shown this once) and who it logs in. */
public record LoginView(String token, String username, String role) {

    static LoginView of(AccountService.Session session) {
        return new LoginView(session.token(), session.account().username, session.account().role.wire());
    }
}
