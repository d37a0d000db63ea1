package org.vigie.basemap;

import jakarta.enterprise.context.ApplicationScoped;
import org.vigie.common.problem.ProblemException;
import org.vigie.common.problem.TooManyRequests;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relays map tiles from the tile server, so that the volunteer's browser asks nothing of a third
 * party. Tiles are cached for as long as the tile server's headers allow, revalidated when stale,
 * served stale when the tile server fails, and fetched once when many ask for the same tile. The
 * fetches of all visitors together stay within a budget per minute ({@link UpstreamBudget}): beyond
 * it, a stale tile is served as it is and a tile never fetched is a 429, while cached tiles are
 * still served.
 */
@ApplicationScoped
public class TileProxy {

    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])(?:s-maxage|max-age)=(\\d{1,10})");
    private static final int MAX_TILE_BYTES = 2 * 1024 * 1024;

    private final BasemapConfig config;
    private final TileCache cache;
    private final HttpClient http;
    private final ConcurrentHashMap<String, CompletableFuture<TileCache.Tile>> fetching = new ConcurrentHashMap<>();
    private final Clock clock;
    private final UpstreamBudget budget;
    private final UpstreamFailures failures;

    @jakarta.inject.Inject
    public TileProxy(BasemapConfig config) {
        this(config, Clock.systemUTC());
    }

    TileProxy(BasemapConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.budget = new UpstreamBudget(config.upstreamPerMinute(), clock);
        this.failures = new UpstreamFailures(clock);
        this.cache = new TileCache(config.cacheMegabytes() * 1024L * 1024L);
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** A tile whose coordinates were checked; how long the browser may keep it follows the tile server. */
    public TileCache.Tile tile(int z, int x, int y) {
        String key = z + "/" + x + "/" + y;
        TileCache.Tile cached = cache.get(key);
        if (cached != null && cached.fresh(clock.instant())) {
            return cached;
        }
        CompletableFuture<TileCache.Tile> mine = new CompletableFuture<>();
        CompletableFuture<TileCache.Tile> running = fetching.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            // another request may have fetched the tile between the look-up above and this claim
            TileCache.Tile now = cache.get(key);
            if (now != null && now.fresh(clock.instant())) {
                mine.complete(now);
                return now;
            }
            TileCache.Tile stale = now != null ? now : cached;
            if (!budget.take()) {
                if (stale != null) {
                    return stale; // the budget is spent: an old tile beats a hole in the map
                }
                long wait = budget.secondsToRenewal();
                throw TooManyRequests.after(wait, "tile-budget-spent", "Too many tile requests",
                        "the tile server's budget of " + budget.perMinute() + " fetches a minute is spent: try again in " + wait + " s");
            }
            TileCache.Tile fetched = fetch(key, stale);
            cache.put(key, fetched);
            mine.complete(fetched);
            return fetched;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            fetching.remove(key, mine);
        }
    }

    /** Seconds the browser may keep the tile: what is left of the tile server's lifetime. */
    public long maxAge(TileCache.Tile tile) {
        return Math.max(0, Duration.between(clock.instant(), tile.expires()).toSeconds());
    }

    private TileCache.Tile fetch(String key, TileCache.Tile stale) {
        String[] zxy = key.split("/");
        URI uri = URI.create(config.upstream().replace("{z}", zxy[0]).replace("{x}", zxy[1]).replace("{y}", zxy[2]));
        // Only what the tile server needs: nothing of the browser's request (address, cookies, Referer) goes on.
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(config.timeout())
                .header("User-Agent", config.userAgent()).header("Accept", "image/png,image/*");
        if (stale != null && stale.etag() != null) {
            request.header("If-None-Match", stale.etag());
        }
        if (stale != null && stale.lastModified() != null) {
            request.header("If-Modified-Since", stale.lastModified());
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status == 304 && stale != null) {
                    return stale.until(expiry(response));
                }
                if (status == 404) {
                    throw new ProblemException(404, "tile-not-found", "Tile not found", "the tile server has no tile " + key);
                }
                String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
                if (status != 200 || !type.startsWith("image/")) {
                    throw new IOException("answered " + status + " " + type);
                }
                byte[] bytes = body.readNBytes(MAX_TILE_BYTES + 1);
                if (bytes.length > MAX_TILE_BYTES) {
                    throw new IOException("sent a tile of more than " + MAX_TILE_BYTES + " bytes");
                }
                return new TileCache.Tile(bytes, type.split(";")[0].strip(), response.headers().firstValue("ETag").orElse(null),
                        response.headers().firstValue("Last-Modified").orElse(null), expiry(response));
            }
        } catch (IOException e) {
            return staleOrFail(key, stale, UpstreamFailures.reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return staleOrFail(key, stale, "interrupted");
        }
    }

    private TileCache.Tile staleOrFail(String key, TileCache.Tile stale, String why) {
        failures.failed(key, why);
        if (stale != null) {
            return stale; // an old tile beats a hole in the map
        }
        throw new ProblemException(502, "tile-server-failed", "Tile server failed",
                "the tile server did not deliver tile " + key + "; try again later");
    }

    /** Cache-Control max-age, else Expires, else the configured default. */
    private Instant expiry(HttpResponse<?> response) {
        Instant now = clock.instant();
        Optional<String> control = response.headers().firstValue("Cache-Control").map(v -> v.toLowerCase(Locale.ROOT));
        if (control.isPresent()) {
            if (control.get().contains("no-store") || control.get().contains("no-cache")) {
                return now;
            }
            Matcher maxAge = MAX_AGE.matcher(control.get());
            if (maxAge.find()) {
                return now.plusSeconds(Math.min(Long.parseLong(maxAge.group(1)), Duration.ofDays(365).toSeconds()));
            }
        }
        Optional<String> expires = response.headers().firstValue("Expires");
        if (expires.isPresent()) {
            try {
                return ZonedDateTime.parse(expires.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return now; // an invalid Expires means already expired (RFC 9111)
            }
        }
        return now.plus(config.defaultLifetime());
    }

    private static TileCache.Tile await(CompletableFuture<TileCache.Tile> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
