package org.vigie.account;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The account behind the current request, for services: who writes, with which role. Works for
 * identities from a bearer token and for test identities ({@code @TestSecurity}) whose user name is
 * an existing account. Roles are read from the identity, so what it may do agrees with
 * {@code @RolesAllowed}.
 */
@RequestScoped
public class CurrentAccount {

    /** The identity attribute holding the account's id (a Long). */
    public static final String ACCOUNT_ID = "vigie.account-id";

    private final SecurityIdentity identity;
    private Optional<Account> account;

    public CurrentAccount(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The account, empty for an anonymous request. */
    @Transactional
    public Optional<Account> get() {
        if (account == null) {
            account = identity.isAnonymous() ? Optional.empty() : lookUp();
        }
        return account;
    }

    public boolean isPresent() {
        return get().isPresent();
    }

    /** The account; a 401 problem without one. */
    public Account require() {
        return get().orElseThrow(() -> new UnauthorizedException("no account"));
    }

    public long id() {
        return require().id;
    }

    public String username() {
        return require().username;
    }

    public OffsetDateTime createdAt() {
        return require().createdAt;
    }

    /** The highest role the identity holds. */
    public Role role() {
        require();
        return identity.hasRole(Role.ADMIN_NAME) ? Role.ADMIN
                : identity.hasRole(Role.MODERATOR_NAME) ? Role.MODERATOR : Role.VOLUNTEER;
    }

    public boolean isModerator() {
        return !identity.isAnonymous() && identity.hasRole(Role.MODERATOR_NAME);
    }

    public boolean isAdmin() {
        return !identity.isAnonymous() && identity.hasRole(Role.ADMIN_NAME);
    }

    private Optional<Account> lookUp() {
        Long id = identity.getAttribute(ACCOUNT_ID);
        return id != null ? Account.findByIdOptional(id) : Account.byUsername(identity.getPrincipal().getName());
    }
}
