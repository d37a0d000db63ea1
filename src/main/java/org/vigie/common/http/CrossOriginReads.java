package org.vigie.common.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Lets any other site's page read the public API from the browser (a newsroom's chart, a collective's
 * page): GET and HEAD under /api/ answer {@code Access-Control-Allow-Origin: *}, errors included, so
 * that the page can read the problem too. Nothing more: no credentials (a wildcard origin forbids them),
 * no Authorization header in a preflight, and no write method, so that another site can never act
 * with a visitor's account. Writes stay same-origin, as before.
 */
@ApplicationScoped
public class CrossOriginReads {

    static final String READ_METHODS = "GET, HEAD";
    /** Headers a reading page may send beyond the CORS-safelisted ones (conditional requests). */
    static final Set<String> READ_HEADERS = Set.of("accept", "accept-language", "content-language",
            "if-none-match", "if-modified-since", "cache-control");
    /** Headers a reading page may see beyond the safelisted ones. */
    static final String EXPOSED = "ETag, Content-Disposition, Link, Retry-After, Location";

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 1).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (origin == null) {
            ctx.next();
            return;
        }
        HttpMethod method = ctx.request().method();
        String asked = ctx.request().getHeader("Access-Control-Request-Method");
        if (HttpMethod.OPTIONS.equals(method) && asked != null) {
            preflight(ctx, asked, ctx.request().getHeader("Access-Control-Request-Headers"));
            return;
        }
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            ctx.response().putHeader("Access-Control-Allow-Origin", "*");
            ctx.response().putHeader("Access-Control-Expose-Headers", EXPOSED);
        }
        ctx.next();
    }

    /**
     * Answers the browser's question itself: yes for a read with harmless headers, and a bare 204
     * otherwise, which the browser takes as a no (no Access-Control-Allow-Origin).
     */
    private static void preflight(RoutingContext ctx, String asked, String headers) {
        if (readsOnly(asked, headers)) {
            ctx.response().putHeader("Access-Control-Allow-Origin", "*")
                    .putHeader("Access-Control-Allow-Methods", READ_METHODS)
                    .putHeader("Access-Control-Max-Age", "86400");
            if (headers != null && !headers.isBlank()) {
                ctx.response().putHeader("Access-Control-Allow-Headers", headers);
            }
        }
        ctx.response().setStatusCode(204).end();
    }

    static boolean readsOnly(String method, String headers) {
        String m = method.strip().toUpperCase(Locale.ROOT);
        if (!m.equals("GET") && !m.equals("HEAD")) {
            return false;
        }
        return headers == null || headers.isBlank() || Arrays.stream(headers.split(","))
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .allMatch(h -> h.isEmpty() || READ_HEADERS.contains(h));
    }
}
