package org.vigie.importer.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.vigie.account.Role;
import org.vigie.account.rest.EarlyAuthentication;

import java.util.regex.Pattern;

/**
 * The import routes (cameras, and city boundaries) take large bodies (BodyLimits.LARGER), for
 * administrators only: the token is checked before a byte of the body is read, so that an anonymous
 * or volunteer's 100 MB upload is a 401 or 403 at once instead of 100 MB written to a temporary file first.
 */
@ApplicationScoped
public class ImportUploadGate {

    private static final Pattern ROUTE = Pattern.compile("/api/imports/?|/api/cities/boundaries/?");

    private final EarlyAuthentication early;

    public ImportUploadGate(EarlyAuthentication early) {
        this.early = early;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 3).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        if (!HttpMethod.POST.equals(ctx.request().method()) || !ROUTE.matcher(ctx.normalizedPath()).matches()) {
            ctx.next();
            return;
        }
        early.admit(ctx, account -> {
            if (!account.role.includes(Role.ADMIN)) {
                throw EarlyAuthentication.forbidden();
            }
        });
    }
}
