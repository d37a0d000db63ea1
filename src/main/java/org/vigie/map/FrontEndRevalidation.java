package org.vigie.map;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The web app's files (the page, its modules, stylesheets and the service worker) are revalidated
 * at every use instead of being kept "immutable" for a day under unchanged names: a deployment
 * reaches the next visit. Revalidating costs a 304 without a body when nothing changed (the static
 * handler answers If-Modified-Since), and the service worker (frontend/sw.js) keeps its own copy
 * for when there is no network. The API and the tile relay set their own caching.
 */
@ApplicationScoped
public class FrontEndRevalidation {

    static final String CACHE_CONTROL = "no-cache";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            if (isFrontEnd(ctx.normalizedPath())) {
                // set when the headers go out: the static handler writes its own Cache-Control first
                ctx.addHeadersEndHandler(v -> ctx.response().headers().set("Cache-Control", CACHE_CONTROL));
            }
            ctx.next();
        });
    }

    static boolean isFrontEnd(String path) {
        return !path.startsWith("/api/") && !path.startsWith("/q/") && !path.startsWith("/basemap/");
    }
}
