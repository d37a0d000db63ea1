package org.vigie.common.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;
import org.vigie.common.problem.ProblemReplies;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How large a request body may be, decided from its Content-Length before a byte of it is read:
 * beyond the limit, 413 at once, so that a few anonymous 100 MB requests cannot fill the heap or the
 * disk. The limit is small everywhere (vigie.http.max-body, 1 MB: a camera Feature is about 10 kB) and
 * larger only on the routes listed in {@link #LARGER}. A chunked body (no Content-Length) is refused
 * with 411 on the small routes: its size would only be known once read.
 *
 * <p>On the large routes a chunked body is let through (test clients and some phones send multipart
 * uploads chunked), counted as it arrives and cut at the route's limit ({@link BodyCut}): 413 naming
 * {@code file}, and the part already written to disk removed.
 */
@ApplicationScoped
public class BodyLimits {

    private static final Logger LOG = Logger.getLogger(BodyLimits.class);

    /** A route that accepts more than the global limit. To allow a new upload, add a line here. */
    public record LargerBody(HttpMethod method, Pattern path, long maxBytes) {
        boolean matches(HttpMethod m, String p) {
            return method.equals(m) && path.matcher(p).matches();
        }
    }

    /** Multipart framing (boundaries, part headers, the other fields) on top of the file itself. */
    private static final long MULTIPART_MARGIN = 64 * 1024;

    /** The import route's limit, set by vigie.http.max-import-body rather than here. */
    private static final long IMPORT = -1;

    public static final List<LargerBody> LARGER = List.of(
            // a phone's full-size photo: 10 MB (CameraPhotoResource.MAX_UPLOAD_BYTES)
            new LargerBody(HttpMethod.POST, Pattern.compile("/api/cameras/\\d+/photos/?"), 10L * 1024 * 1024 + MULTIPART_MARGIN),
            // a floor's plan, scanned or photographed: 10 MB as photos (FloorPlanResource.MAX_UPLOAD_BYTES)
            new LargerBody(HttpMethod.PUT, Pattern.compile("/api/sites/\\d+/floors/[^/]+/plan/?"), 10L * 1024 * 1024 + MULTIPART_MARGIN),
            // an administrator's OpenStreetMap or sous-surveillance.net file: vigie.http.max-import-body
            new LargerBody(HttpMethod.POST, Pattern.compile("/api/imports/?"), IMPORT),
            // an administrator's commune boundaries (GeoJSON read whole into memory: a region's, not the planet's)
            new LargerBody(HttpMethod.POST, Pattern.compile("/api/cities/boundaries/?"), 100L * 1024 * 1024 + MULTIPART_MARGIN));

    private final long globalMax;
    private final long importMax;
    private final long quarkusMax;

    public BodyLimits(@ConfigProperty(name = "vigie.http.max-body", defaultValue = "1M") MemorySize globalMax,
                      @ConfigProperty(name = "vigie.http.max-import-body", defaultValue = "200M") MemorySize importMax,
                      @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> quarkusMax) {
        this.globalMax = globalMax.asLongValue();
        this.importMax = importMax.asLongValue();
        this.quarkusMax = quarkusMax.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    /** The largest body accepted on this route, in bytes. */
    public long limit(HttpMethod method, String path) {
        return larger(method, path).map(this::bodyLimit).orElse(globalMax);
    }

    private Optional<LargerBody> larger(HttpMethod method, String path) {
        return LARGER.stream().filter(route -> route.matches(method, path)).findFirst();
    }

    private long bodyLimit(LargerBody route) {
        return Math.min(route.maxBytes() == IMPORT ? importMax : route.maxBytes(), quarkusMax);
    }

    /** The file's own limit within the body's: what a 413 names (10 MB for a photo, not its framing). */
    private long fileLimit(LargerBody route) {
        long body = bodyLimit(route);
        return route.maxBytes() == IMPORT ? body : Math.max(0, body - MULTIPART_MARGIN);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(ctx -> {
            var request = ctx.request();
            String path = ctx.normalizedPath();
            long limit = limit(request.method(), path);
            String length = request.getHeader("Content-Length");
            boolean chunked = request.getHeader("Transfer-Encoding") != null;
            if (length != null && isLong(length) && Long.parseLong(length.strip()) > limit) {
                ctx.response().putHeader("Connection", "close");
                ProblemReplies.send(ctx, new ProblemException(413, "request-too-large", "Request too large",
                        "the body is " + length.strip() + " bytes, more than the " + readable(limit) + " this address accepts",
                        List.of(new FieldError("body", "must be at most " + readable(limit)))));
            } else if (length == null && chunked) {
                Optional<LargerBody> route = larger(request.method(), path);
                if (route.isEmpty()) {
                    ctx.response().putHeader("Connection", "close");
                    ProblemReplies.send(ctx, new ProblemException(411, "length-required", "Length required",
                            "send the body with a Content-Length header (a chunked body is not accepted here)"));
                    return;
                }
                if (!BodyCut.watch(request, new BodyCut.Limits(bodyLimit(route.get()), fileLimit(route.get())))) {
                    LOG.debugf("a chunked body on %s is not counted (HTTP/2?): Quarkus's own bound applies", path);
                }
                ctx.next();
            } else {
                ctx.next();
            }
        });
    }

    /**
     * The answer to a request whose chunked body {@link BodyCut} cut at its route's limit, or null for
     * any other: the multipart parser fails on the cut body, and this is what the failure becomes.
     */
    public static ProblemException cutProblem(HttpServerRequest request) {
        BodyCut.Limits cut = BodyCut.cutOn(request);
        if (cut == null) {
            return null;
        }
        return new ProblemException(413, "request-too-large", "Request too large",
                "the body went past the " + readable(cut.bodyBytes()) + " this address accepts, and was cut there",
                List.of(new FieldError("file", "must be at most " + readable(cut.fileBytes()))))
                .header("Connection", "close");
    }

    private static boolean isLong(String s) {
        return s.strip().matches("\\d{1,18}");
    }

    static String readable(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        return bytes >= 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024)) : bytes / 1024 + " kB";
    }
}
