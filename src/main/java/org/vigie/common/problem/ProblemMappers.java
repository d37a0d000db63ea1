package org.vigie.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.vigie.common.http.BodyLimits;

/**
 * Every error leaves the API as application/problem+json. Unexpected failures are logged here
 * and answered with a generic 500 that names no Java class.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = builder(e.toProblem(path(uri)));
        e.headers().forEach(response::header);
        return response.build();
    }

    /** No account, or a token that is unknown, expired or revoked: 401, whatever Quarkus security threw. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        if (e.getCause() instanceof org.vigie.account.BearerTokenIdentityProvider.SuspendedToken suspended) {
            return problem(new org.vigie.account.AccountService.Suspended(suspended.account), uri);
        }
        String detail = e instanceof AuthenticationFailedException
                ? "the token is unknown, expired or revoked: log in again"
                : "log in first, and send Authorization: Bearer <token>";
        return problem(new ProblemException(401, "unauthorized", "Authentication required", detail)
                .header("WWW-Authenticate", "Bearer realm=\"vigie\""), uri);
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new ProblemException(403, "forbidden", "Forbidden",
                "your account's role does not allow this").toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return respond(JsonProblems.of(e).toProblem(path(uri)));
    }

    /** More specific than Quarkus' own mapper for it, which answers plain JSON: a problem like the rest. */
    @ServerExceptionMapper
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri, HttpServerRequest request) {
        ProblemException cut = BodyLimits.cutProblem(request);
        if (cut != null) {
            return problem(cut, uri);
        }
        // Quarkus wraps a body that Jackson could not parse in a plain 400.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return malformedJson(json, uri);
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return internal(uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request failed" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no resource at " + path(uri);
            case 405 -> "this method is not allowed on " + path(uri);
            case 415 -> "send the body as application/json (or application/geo+json for cameras)";
            case 406 -> "this resource answers in JSON only";
            default -> e.getMessage();
        };
        return respond(new ProblemException(status, slug(title), title, detail).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, HttpServerRequest request) {
        // a chunked upload cut at its limit (BodyLimits) fails in the multipart parser as a body cut short
        ProblemException cut = BodyLimits.cutProblem(request);
        if (cut != null) {
            return problem(cut, uri);
        }
        ProblemException multipart = MultipartFailures.problem(e);
        if (multipart != null) {
            return problem(multipart, uri);
        }
        if (isTransientConflict(e)) {
            // PostgreSQL aborted this transaction to let a concurrent one through (two mass reverts
            // locking the same cameras): nothing was written, and the same request will succeed.
            LOG.warn("transaction aborted by the database, answered 503: " + e);
            return problem(new ProblemException(503, "busy", "Busy",
                    "another change to the same cameras ran at the same moment and nothing was written; try again")
                    .header("Retry-After", "1"), uri);
        }
        LOG.error("unexpected failure", e);
        return internal(uri);
    }

    /** Deadlock (40P01) or serialization failure (40001), anywhere in the chain of causes. */
    static boolean isTransientConflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql
                    && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static Response internal(UriInfo uri) {
        return respond(new ProblemException(500, "internal-error", "Internal error",
                "the server failed to answer; the failure is logged").toProblem(path(uri)));
    }

    private static Response respond(Problem problem) {
        return builder(problem).build();
    }

    private static Response.ResponseBuilder builder(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
