package org.vigie.common.problem;

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
                ProblemReplies.send(ctx, ProblemException.invalid("query", "must not contain NUL characters (%00)"));
            } else {
                ctx.next();
            }
        });
    }
}
