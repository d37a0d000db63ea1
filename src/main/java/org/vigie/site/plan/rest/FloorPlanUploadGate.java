package org.vigie.site.plan.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.vigie.account.Role;
import org.vigie.account.rest.EarlyAuthentication;
import org.vigie.site.plan.FloorPlanService;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A floor plan's upload (10 MB, BodyLimits.LARGER) is decided before a byte of its body is read, as a
 * photo's is: 401 without a valid token, 403 for a role that may not upload, 404 for an unknown site or
 * floor, 429 past the quota. Quarkus REST would otherwise write the body to a temporary file first.
 */
@ApplicationScoped
public class FloorPlanUploadGate {

    private static final Pattern ROUTE = Pattern.compile("/api/sites/(\\d{1,18})/floors/([^/]+)/plan/?");

    private final EarlyAuthentication early;
    private final FloorPlanService plans;

    public FloorPlanUploadGate(EarlyAuthentication early, FloorPlanService plans) {
        this.early = early;
        this.plans = plans;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 3).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        Matcher route = ROUTE.matcher(ctx.normalizedPath());
        if (!HttpMethod.PUT.equals(ctx.request().method()) || !route.matches()) {
            ctx.next();
            return;
        }
        long siteId = Long.parseLong(route.group(1));
        // a path segment, decoded as @PathParam decodes it ("+" stays a plus)
        String level = URLDecoder.decode(route.group(2).replace("+", "%2B"), StandardCharsets.UTF_8);
        early.admit(ctx, account -> {
            if (!account.role.includes(Role.VOLUNTEER)) {
                throw EarlyAuthentication.forbidden();
            }
            plans.checkUpload(siteId, level, account);
        });
    }
}
