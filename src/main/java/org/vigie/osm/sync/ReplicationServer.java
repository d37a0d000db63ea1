package org.vigie.osm.sync;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An OpenStreetMap replication server (planet.openstreetmap.org/replication/minute, or a mirror):
 * {@code state.txt} at its root, and per sequence {@code AAA/BBB/CCC.osc.gz} and {@code .state.txt}.
 * Every failure is a {@link SyncFailure} saying which file and why.
 */
final class ReplicationServer {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20)).followRedirects(HttpClient.Redirect.NORMAL).build();

    private final String base;

    ReplicationServer(String url) {
        this.base = url.endsWith("/") ? url : url + "/";
    }

    String url() {
        return base;
    }

    /** The latest state the server publishes. */
    ReplicationState state() {
        byte[] body = get("state.txt");
        if (body == null) {
            throw new SyncFailure("the replication server " + base + " has no state.txt (not found): is the URL right?");
        }
        return ReplicationState.parse(new String(body, StandardCharsets.UTF_8), base + "state.txt");
    }

    /** The state of one sequence, or null when the server does not keep it. */
    ReplicationState state(long sequence) {
        String name = ReplicationState.path(sequence) + ".state.txt";
        byte[] body = get(name);
        return body == null ? null : ReplicationState.parse(new String(body, StandardCharsets.UTF_8), base + name);
    }

    /** The diff of one sequence, which the server's state says exists: missing, it is a gap. */
    byte[] diff(long sequence) {
        String name = ReplicationState.path(sequence) + ".osc.gz";
        byte[] body = get(name);
        if (body == null) {
            throw new SyncFailure("gap in the replication: " + base + name + " (sequence " + sequence
                    + ") is missing on the server; the sync stops there and tries again later");
        }
        return body;
    }

    /** The file's bytes; null when the server answers 404. */
    private byte[] get(String name) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + name)).timeout(Duration.ofMinutes(2))
                .header("User-Agent", "Vigie replication sync").GET().build();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new SyncFailure("the replication server answered " + response.statusCode() + " for " + base + name
                        + "; the sync stops there and tries again later");
            }
            return response.body();
        } catch (IOException e) {
            throw new SyncFailure("cannot reach the replication server for " + base + name + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncFailure("interrupted while fetching " + base + name, e);
        } catch (IllegalArgumentException e) {
            throw new SyncFailure("the replication URL " + base + " is not a valid URL", e);
        }
    }
}
