package org.vigie.photo.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.vigie.account.Account;
import org.vigie.account.Role;
import org.vigie.account.Tokens;
import org.vigie.common.problem.ProblemException;
import org.vigie.common.problem.ProblemReplies;
import org.vigie.photo.PhotoLimits;
import org.vigie.photo.PhotoService;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides on a photo upload before a byte of its body is read: Quarkus REST parses a multipart body
 * into a temporary file before the resource's security and camera checks run, so an anonymous 10 MB
 * upload to a camera that does not exist would cost 10 MB of disk first. This Vert.x handler runs
 * right after {@link org.vigie.common.http.BodyLimits} (which answers 413 beyond 10 MB from the
 * Content-Length) while the request is still paused, and answers at once: 401 without a valid token,
 * 403 for a role that may not add photos, 404 / 410 for an unknown or deleted camera, 429 past the
 * account's hourly quota. Only then does the body flow on to the resource, which checks all of this
 * again (the camera may be deleted meanwhile): this is the early refusal, not the only one.
 */
@ApplicationScoped
public class PhotoUploadGate {

    static final Pattern ROUTE = Pattern.compile("/api/cameras/(\\d{1,18})/photos/?");
    private static final String BEARER = "Bearer ";

    private final Tokens tokens;
    private final PhotoService photos;
    private final PhotoLimits limits;

    public PhotoUploadGate(Tokens tokens, PhotoService photos, PhotoLimits limits) {
        this.tokens = tokens;
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
        String token = bearer(ctx.request().getHeader("Authorization"));
        if (token == null) {
            refuse(ctx, unauthorized("log in first, and send Authorization: Bearer <token>"));
            return;
        }
        long cameraId = Long.parseLong(route.group(1));
        // the token and the camera are database reads: off the event loop, the body still unread meanwhile
        ctx.vertx().executeBlocking(() -> {
            admit(token, cameraId);
            return null;
        }, false).onComplete(checked -> {
            if (checked.succeeded()) {
                ctx.next();
            } else if (checked.cause() instanceof ProblemException problem) {
                refuse(ctx, problem);
            } else {
                ctx.fail(checked.cause());
            }
        });
    }

    /** Throws the problem that refuses this upload, or returns when it may be read. */
    private void admit(String token, long cameraId) {
        Account account = tokens.resolve(token)
                .orElseThrow(() -> unauthorized("the token is unknown, expired or revoked: log in again"));
        if (!account.role.includes(Role.VOLUNTEER)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "your account's role does not allow this");
        }
        photos.requireCamera(cameraId);
        limits.check(account);
    }

    /** The answer, and the connection closed: the body the client goes on sending is never read. */
    private static void refuse(RoutingContext ctx, ProblemException problem) {
        ctx.response().putHeader("Connection", "close");
        ProblemReplies.send(ctx, problem);
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "unauthorized", "Authentication required", detail)
                .header("WWW-Authenticate", "Bearer realm=\"vigie\"");
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }

}
