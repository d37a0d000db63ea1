package org.vigie.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tile server on the loopback, standing in for tile.openstreetmap.org in every test (the tests
 * never need the internet): the app's tile relay is pointed at it. Tiles answer 200 with a grey
 * PNG, max-age 600 and an ETag, and 304 to a matching If-None-Match. At zoom 5 some columns
 * misbehave on purpose: x=1 is missing (404), x=2 fails (500), x=3 answers HTML, x=4 says no-cache.
 * GET /_seen/{z}/{x}/{y}.png tells how often a tile was asked and the last User-Agent.
 */
public class FakeTileUpstream implements QuarkusTestResourceLifecycleManager {

    private static final byte[] HTML = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, String> agents = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::answer);
        server.start();
        return Map.of("vigie.basemap.upstream", base() + "/{z}/{x}/{y}.png");
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/_seen/")) {
            String tile = path.substring("/_seen".length());
            byte[] body = ((hits.containsKey(tile) ? hits.get(tile).get() : 0) + "\n" + agents.getOrDefault(tile, ""))
                    .getBytes(StandardCharsets.UTF_8);
            send(exchange, 200, "text/plain", body);
            return;
        }
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        agents.put(path, String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent"))
                + (exchange.getRequestHeaders().containsKey("X-Forwarded-For") ? " forwarded" : ""));
        String[] zxy = path.substring(1).replace(".png", "").split("/");
        String column = zxy.length == 3 && "5".equals(zxy[0]) ? zxy[1] : "";
        String etag = "\"" + path + "\"";
        switch (column) {
            case "1" -> send(exchange, 404, "text/plain", "no such tile".getBytes(StandardCharsets.UTF_8));
            case "2" -> send(exchange, 500, "text/plain", "down".getBytes(StandardCharsets.UTF_8));
            case "3" -> send(exchange, 200, "text/html", HTML);
            default -> {
                exchange.getResponseHeaders().add("ETag", etag);
                exchange.getResponseHeaders().add("Cache-Control", "4".equals(column) ? "no-cache" : "max-age=600");
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    exchange.close();
                } else {
                    send(exchange, 200, "image/png", Browser.tilePng());
                }
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
