package org.vigie.common.problem;

import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every problem, whichever mapper or route handler made it, passes here on its way out: scrubbed of
 * Java names and server paths ({@link ProblemScrubber}), then put in the language the client asked for
 * ({@link ProblemLanguage}), with Content-Language and Vary: Accept-Language so that a cache keeps the
 * languages apart.
 */
public class ProblemReplies {

    static Problem finish(Problem problem, ProblemLanguage language) {
        Problem clean = ProblemScrubber.scrub(problem);
        return language == ProblemLanguage.FR ? ProblemTranslations.toFrench(clean) : clean;
    }

    @ServerResponseFilter
    public void localise(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem) {
            ProblemLanguage language = ProblemLanguage.of(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
            response.setEntity(finish(problem, language));
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, language.tag());
            response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        }
    }

    /** For route handlers that answer before Quarkus REST (limits checked on the raw request). */
    public static void send(RoutingContext ctx, ProblemException e) {
        ProblemLanguage language = ProblemLanguage.of(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = finish(e.toProblem(ctx.normalizedPath()), language);
        var response = ctx.response().setStatusCode(e.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        e.headers().forEach(response::putHeader);
        response.end(Json.encode(problem));
    }
}
