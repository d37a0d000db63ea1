package org.vigie.osm.sync;

import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A replication server on the loopback, as planet.openstreetmap.org lays one out: a folder of
 * state.txt and AAA/BBB/CCC.osc.gz (with their .state.txt), served over HTTP by the JDK's server.
 * A path can be made to answer an error, and requests are counted per path.
 */
public final class ReplicationFolder implements AutoCloseable {

    private final Path root;
    private final HttpServer server;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    public ReplicationFolder(Path root) throws IOException {
        this(root, 0);
    }

    /** On a given port (0: any free one), for an app configured with the URL before it starts. */
    public ReplicationFolder(Path root, int port) throws IOException {
        this.root = root;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/replication/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring("/replication/".length());
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Integer failure = failures.get(path);
            Path file = root.resolve(path).normalize();
            byte[] body = failure == null && file.startsWith(root) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            int status = failure != null ? failure : body == null ? 404 : 200;
            exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/replication/";
    }

    /** Publishes a diff (its osmChange XML) under its sequence, with its own state; the root state names it. */
    public ReplicationFolder publish(long sequence, Instant timestamp, String osmChange) throws IOException {
        put(sequence, osmChange.getBytes(StandardCharsets.UTF_8), true);
        String state = state(sequence, timestamp);
        Files.writeString(root.resolve(ReplicationState.path(sequence) + ".state.txt"), state);
        Files.writeString(root.resolve("state.txt"), state);
        return this;
    }

    /** Writes a sequence's file as given (compressed or not), without touching any state. */
    void put(long sequence, byte[] content, boolean compress) throws IOException {
        Path file = root.resolve(ReplicationState.path(sequence) + ".osc.gz");
        Files.createDirectories(file.getParent());
        Files.write(file, compress ? gzip(content) : content);
    }

    /** The root state alone: the server says it has up to {@code sequence}. */
    void announce(long sequence, Instant timestamp) throws IOException {
        Files.writeString(root.resolve("state.txt"), state(sequence, timestamp));
    }

    void remove(long sequence) throws IOException {
        Files.deleteIfExists(root.resolve(ReplicationState.path(sequence) + ".osc.gz"));
    }

    /** Makes a sequence's diff answer this HTTP status (0: serve it again). */
    void fail(long sequence, int status) {
        String path = ReplicationState.path(sequence) + ".osc.gz";
        if (status == 0) {
            failures.remove(path);
        } else {
            failures.put(path, status);
        }
    }

    int requestsFor(long sequence) {
        AtomicInteger n = requests.get(ReplicationState.path(sequence) + ".osc.gz");
        return n == null ? 0 : n.get();
    }

    private static String state(long sequence, Instant timestamp) {
        return "#" + timestamp + "\nsequenceNumber=" + sequence + "\ntimestamp=" + timestamp.toString().replace(":", "\\:") + "\n";
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
