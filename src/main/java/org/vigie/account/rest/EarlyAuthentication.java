package org.vigie.account.rest;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigie.account.Account;
import org.vigie.account.AccountService;
import org.vigie.account.Tokens;
import org.vigie.common.problem.ProblemException;
import org.vigie.common.problem.ProblemReplies;

/**
 * For the upload routes, whose bodies may be large: the account (and whatever else the route needs)
 * is checked from the request's line and headers, before Quarkus REST reads the body to a temporary
 * file. A Vert.x handler calls {@link #admit}; the body stays unread (Quarkus pauses every request
 * until a handler reads it) until the checks pass, and a refusal closes the connection, so the rest
 * of the body is never read. The resource checks again as usual: this is the early refusal, not the
 * only one.
 */
@ApplicationScoped
public class EarlyAuthentication {

    /** What the route asks of the account; throws the {@link ProblemException} that refuses it. */
    @FunctionalInterface
    public interface Check {
        void admit(Account account);
    }

    private static final String BEARER = "Bearer ";

    private final Tokens tokens;

    public EarlyAuthentication(Tokens tokens) {
        this.tokens = tokens;
    }

    /** Goes on to the next handler once the token and {@code check} passed; answers the refusal otherwise. */
    public void admit(RoutingContext ctx, Check check) {
        String token = bearer(ctx.request().getHeader("Authorization"));
        if (token == null) {
            refuse(ctx, unauthorized("log in first, and send Authorization: Bearer <token>"));
            return;
        }
        // database reads: off the event loop, the body still unread meanwhile
        ctx.vertx().executeBlocking(() -> {
            Account account = tokens.resolve(token).orElseThrow(() -> refusedToken(token));
            check.admit(account);
            return null;
        }, false).onComplete(checked -> {
            if (checked.succeeded()) {
                ctx.next();
            } else if (checked.cause() instanceof ProblemException problem) {
                refuse(ctx, problem);
            } else {
                ctx.fail(checked.cause());
            }
        });
    }

    /** The answer, and the connection closed: the body the client goes on sending is never read. */
    private static void refuse(RoutingContext ctx, ProblemException problem) {
        ctx.response().putHeader("Connection", "close");
        ProblemReplies.send(ctx, problem);
    }

    /** As ProblemMappers.unauthorized: 403 with the reason for a suspended account's token, 401 otherwise. */
    private ProblemException refusedToken(String token) {
        return tokens.suspendedHolder(token).<ProblemException>map(AccountService.Suspended::new)
                .orElseGet(() -> unauthorized("the token is unknown, expired or revoked: log in again"));
    }

    /** The same 401 as the problem mappers give (ProblemMappers.unauthorized). */
    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "unauthorized", "Authentication required", detail)
                .header("WWW-Authenticate", "Bearer realm=\"vigie\"");
    }

    /** The 403 a role too low for the route gets (as ProblemMappers.forbidden). */
    public static ProblemException forbidden() {
        return new ProblemException(403, "forbidden", "Forbidden", "your account's role does not allow this");
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
