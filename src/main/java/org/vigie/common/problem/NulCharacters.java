package org.vigie.common.problem;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;

/**
 * PostgreSQL stores no NUL character: a path or query string carrying one (%00) is answered
 * here with a 400 problem, before any resource would pass it to the database and fail.
 */
@ApplicationScoped
public class NulCharacters {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String uri = ctx.request().uri().toLowerCase(Locale.ROOT);
            if (uri.contains("%00") || uri.indexOf('\0') >= 0) {
                JsonObject problem = new JsonObject()
                        .put("type", "/problems/validation-failed").put("title", "Invalid input").put("status", 400)
                        .put("detail", "the address contains a NUL character (%00)")
                        .put("instance", ctx.normalizedPath())
                        .put("errors", new io.vertx.core.json.JsonArray().add(new JsonObject()
                                .put("field", "query").put("reason", "must not contain NUL characters")));
                ctx.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE).end(problem.encode());
            } else {
                ctx.next();
            }
        });
    }
}
