package org.vigie.photo.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.vigie.account.Role;
import org.vigie.account.rest.EarlyAuthentication;
import org.vigie.photo.PhotoLimits;
import org.vigie.photo.PhotoService;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides on a photo upload before a byte of its body is read: Quarkus REST parses a multipart body
 * into a temporary file before the resource's security and camera checks run, so an anonymous 10 MB
 * upload to a camera that does not exist would cost 10 MB of disk first. Runs right after
 * {@link org.vigie.common.http.BodyLimits} (413 beyond 10 MB, from the Content-Length) and answers at
 * once: 401 without a valid token, 403 for a role that may not add photos, 404 / 410 for an unknown or
 * deleted camera, 429 past the account's hourly quota.
 */
@ApplicationScoped
public class PhotoUploadGate {

    static final Pattern ROUTE = Pattern.compile("/api/cameras/(\\d{1,18})/photos/?");

    private final EarlyAuthentication early;
    private final PhotoService photos;
    private final PhotoLimits limits;

    public PhotoUploadGate(EarlyAuthentication early, PhotoService photos, PhotoLimits limits) {
        this.early = early;
        this.photos = photos;
        this.limits = limits;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 3).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        Matcher route = ROUTE.matcher(ctx.normalizedPath());
        if (!HttpMethod.POST.equals(ctx.request().method()) || !route.matches()) {
            ctx.next();
            return;
        }
        long cameraId = Long.parseLong(route.group(1));
        early.admit(ctx, account -> {
            if (!account.role.includes(Role.VOLUNTEER)) {
                throw EarlyAuthentication.forbidden();
            }
            photos.requireCamera(cameraId);
            limits.check(account);
        });
    }
}
