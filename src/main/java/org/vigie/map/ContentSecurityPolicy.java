package org.vigie.map;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.util.stream.Collectors;

/**
 * Sends a Content-Security-Policy with the pages: scripts and styles only from this server, no
 * inline script but the app page's import map (allowed by its hash, {@link InlineScriptHashes}),
 * images from here (and from the tile server when one is configured instead of this server's
 * relay), no other third party.
 * Only the embeddable map (the page, {@code /?embed=1}, which has no editing button) may be framed by
 * other sites, for journalists' articles; the full app and every other address may not, so that no
 * site can overlay their buttons. Swagger UI (/q/swagger-ui, public like the API it documents) keeps
 * the inline scripts and styles it is made of, but loads and sends nothing elsewhere and cannot be
 * framed; the OpenAPI document is data, which nothing may run or frame.
 */
@ApplicationScoped
public class ContentSecurityPolicy {

    static final String SWAGGER_UI = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";
    static final String DATA = "default-src 'none'; frame-ancestors 'none'";

    private final String policy;
    private final String embeddable;

    public ContentSecurityPolicy(MapConfig config) {
        String tiles = tileOrigin(config.tileUrl());
        String inline = InlineScriptHashes.ofPage().stream().map(hash -> " " + hash).collect(Collectors.joining());
        String common = "default-src 'self'; script-src 'self'" + inline + "; style-src 'self'; img-src 'self' data:"
                + (tiles.isEmpty() ? "" : " " + tiles) + "; connect-src 'self'; object-src 'none'; base-uri 'self';"
                + " form-action 'self'; ";
        this.policy = common + "frame-ancestors 'self'";
        this.embeddable = common + "frame-ancestors *";
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String path = ctx.normalizedPath();
            if (path.startsWith("/q/")) {
                if (path.startsWith("/q/swagger-ui") || path.startsWith("/q/openapi")) {
                    ctx.response().putHeader("Content-Security-Policy", path.startsWith("/q/swagger-ui") ? SWAGGER_UI : DATA);
                    ctx.response().putHeader("X-Content-Type-Options", "nosniff");
                }
            } else {
                boolean embed = isPage(path) && "1".equals(ctx.request().getParam("embed"));
                ctx.response().putHeader("Content-Security-Policy", embed ? embeddable : policy);
                ctx.response().putHeader("X-Content-Type-Options", "nosniff");
                // the origin only, never the path (which holds the view): OSM's tile policy wants a Referer
                ctx.response().putHeader("Referrer-Policy", "strict-origin-when-cross-origin");
            }
            ctx.next();
        });
    }

    /** The map page itself: the one address a site may frame, as the embeddable map. */
    private static boolean isPage(String path) {
        return path.equals("/") || path.equals("/index.html");
    }

    public String policy() {
        return policy;
    }

    /** The scheme and host of a tile URL template; a {s} subdomain becomes a wildcard. */
    static String tileOrigin(String template) {
        String concrete = template.replace("{s}", "SUBDOMAIN").replaceAll("\\{[^}]*}", "0");
        URI uri = URI.create(concrete);
        if (uri.getHost() == null) {
            return ""; // a relative template: the tiles come from this server, 'self' covers them
        }
        String host = uri.getHost().replace("subdomain", "*").replace("SUBDOMAIN", "*");
        return uri.getScheme() + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
