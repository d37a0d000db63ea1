package org.vigie.osm.upload;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenStreetMap's API 0.6 on the loopback, as much as an upload uses: changeset create, upload
 * (answering a diffResult: new nodes get ids from 9,000,001 on, modified ones their next version,
 * deleted ones their old id alone) and close. Nodes named in {@link #conflicts} make the upload
 * answer 409, as a version mismatch does; {@link #failUploads} makes it answer 500.
 */
final class FakeOsmApi implements AutoCloseable {

    static final int PORT = freePort();
    static final long CHANGESET = 4242;

    /** Each request: method, path, Authorization header and body. */
    record Call(String method, String path, String authorization, String body) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final Set<Long> conflicts = ConcurrentHashMap.newKeySet();
    volatile boolean failUploads;
    /** Shared by every instance, as OpenStreetMap never gives an id twice. */
    private static final AtomicLong NEXT_ID = new AtomicLong(9_000_001);
    private final HttpServer server;

    FakeOsmApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 0);
        server.createContext("/api/0.6/", this::handle);
        server.start();
    }

    static String url() {
        return "http://127.0.0.1:" + PORT + "/api/0.6";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/api/0.6".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Call(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Authorization"), body));
        if (exchange.getRequestMethod().equals("PUT") && path.equals("/changeset/create")) {
            answer(exchange, 200, String.valueOf(CHANGESET));
        } else if (exchange.getRequestMethod().equals("POST") && path.equals("/changeset/" + CHANGESET + "/upload")) {
            upload(exchange, body);
        } else if (exchange.getRequestMethod().equals("PUT") && path.equals("/changeset/" + CHANGESET + "/close")) {
            answer(exchange, 200, "");
        } else {
            answer(exchange, 404, "no such call");
        }
    }

    private void upload(HttpExchange exchange, String body) throws IOException {
        if (failUploads) {
            answer(exchange, 500, "Internal Server Error");
            return;
        }
        Matcher nodes = Pattern.compile("<(create|modify|delete)>|<node id=\"(-?\\d+)\"(?: version=\"(\\d+)\")?").matcher(body);
        StringBuilder result = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<diffResult version=\"0.6\">\n");
        String action = null;
        while (nodes.find()) {
            if (nodes.group(1) != null) {
                action = nodes.group(1);
                continue;
            }
            long id = Long.parseLong(nodes.group(2));
            int version = Integer.parseInt(nodes.group(3));
            if (conflicts.contains(id)) {
                exchange.getResponseHeaders().add("Error", "Version mismatch: Provided " + version + ", server had: "
                        + (version + 1) + " of Node " + id);
                answer(exchange, 409, "Version mismatch: Provided " + version + ", server had: " + (version + 1) + " of Node " + id);
                return;
            }
            if (action.equals("delete")) {
                result.append("  <node old_id=\"").append(id).append("\"/>\n");
                continue;
            }
            long newId = action.equals("create") ? NEXT_ID.getAndIncrement() : id;
            int newVersion = action.equals("create") ? 1 : version + 1;
            result.append("  <node old_id=\"").append(id).append("\" new_id=\"").append(newId)
                    .append("\" new_version=\"").append(newVersion).append("\"/>\n");
        }
        answer(exchange, 200, result.append("</diffResult>\n").toString());
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
