package org.vigie.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a token into an identity: the principal is the user name, the roles are the account's role
 * and those it includes, and {@link CurrentAccount#ACCOUNT_ID} carries the account's id.
 */
@ApplicationScoped
public class BearerTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final Tokens tokens;

    public BearerTokenIdentityProvider(Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        return context.runBlocking(() -> tokens.resolve(token)
                .map(BearerTokenIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException("unknown, expired or revoked token",
                        tokens.suspendedHolder(token).map(SuspendedToken::new).orElse(null))));
    }

    /**
     * The token of an account suspended since it was issued: answered 403 {@code account-suspended}
     * with the reason (ProblemMappers), so that the app can keep the write it refused and say why. The
     * cause of the authentication failure (that exception is final).
     */
    public static final class SuspendedToken extends RuntimeException {
        public final transient Account account;

        SuspendedToken(Account account) {
            super("the account is suspended");
            this.account = account;
        }
    }

    private static SecurityIdentity identity(Account account) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username))
                .addRoles(account.role.granted())
                .addAttribute(CurrentAccount.ACCOUNT_ID, account.id)
                .build();
    }
}
