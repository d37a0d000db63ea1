package org.vigie.basemap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.common.problem.ProblemException;
import org.vigie.support.FakeTileUpstream;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tile relay's budget of upstream fetches, against a real tile server on the loopback and a clock
 * the test moves: past the budget a tile never fetched is a 429 with Retry-After, cached tiles (fresh
 * or stale) are still served, and nothing more reaches the tile server until the next minute.
 */
class TileRelayBudgetTest {

    private final FakeTileUpstream upstream = new FakeTileUpstream();
    private String template;
    private final MovableClock clock = new MovableClock();

    @BeforeEach
    void start() {
        template = upstream.start().get("vigie.basemap.upstream");
    }

    @AfterEach
    void stop() {
        upstream.stop();
    }

    @Test
    void pastTheBudgetMissesAre429WhileCachedTilesAreServed() throws Exception {
        TileProxy relay = new TileProxy(config(template, 2, 64), clock);
        TileCache.Tile noCache = relay.tile(5, 4, 0); // the fake says no-cache: stale at once
        relay.tile(3, 0, 0);

        ProblemException refused = assertThrows(ProblemException.class, () -> relay.tile(3, 1, 1));
        assertEquals(429, refused.status());
        assertTrue(Long.parseLong(refused.headers().get("Retry-After")) >= 1);
        assertEquals(0, seen("/3/1/1.png"), "a refused miss never reaches the tile server");

        assertNotNull(relay.tile(3, 0, 0), "a fresh cached tile is served");
        assertArrayEquals(noCache.bytes(), relay.tile(5, 4, 0).bytes(), "a stale tile is served as it is");
        assertEquals(1, seen("/5/4/0.png"), "and is not revalidated past the budget");

        clock.advance(Duration.ofSeconds(61));
        assertNotNull(relay.tile(3, 1, 1), "the next minute brings a new budget");
        assertEquals(1, seen("/3/1/1.png"));
    }

    @Test
    void theCacheHoldsNoMoreThanItsBudgetOfBytes() {
        TileCache cache = new TileCache(10_000);
        for (int i = 0; i < 50; i++) {
            cache.put("t" + i, new TileCache.Tile(new byte[1000], "image/png", null, null, Instant.MAX));
        }
        assertTrue(cache.bytes() <= 10_000, "held " + cache.bytes());
        assertTrue(cache.bytes() >= 5_000, "kept tiles up to about the budget: " + cache.bytes());
    }

    @Test
    void anUnreachableTileServerIsLoggedOnceAMinuteWithItsReason() {
        UpstreamFailures failures = new UpstreamFailures(clock);
        assertTrue(failures.failed("3/0/0", new ConnectException()));
        for (int i = 0; i < 100; i++) {
            assertFalse(failures.failed("3/0/" + i, new ConnectException()));
        }
        clock.advance(Duration.ofSeconds(61));
        assertTrue(failures.failed("3/1/0", new ConnectException()));
        assertEquals("ConnectException", UpstreamFailures.reason(new ConnectException()), "a reason, never \"null\"");
    }

    private int seen(String tile) throws IOException, InterruptedException {
        String base = template.substring(0, template.indexOf("/{z}"));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/_seen" + tile)).build(), HttpResponse.BodyHandlers.ofString());
        return Integer.parseInt(answer.body().split("\n")[0].strip());
    }

    static BasemapConfig config(String upstream, int perMinute, int megabytes) {
        return new BasemapConfig() {
            public String upstream() {
                return upstream;
            }

            public String userAgent() {
                return "Vigie test";
            }

            public int cacheMegabytes() {
                return megabytes;
            }

            public Duration defaultLifetime() {
                return Duration.ofDays(1);
            }

            public Duration timeout() {
                return Duration.ofSeconds(5);
            }

            public int upstreamPerMinute() {
                return perMinute;
            }
        };
    }

    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-06T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
