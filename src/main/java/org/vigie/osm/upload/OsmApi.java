package org.vigie.osm.upload;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenStreetMap's API 0.6, as far as an upload needs it: open a changeset, upload an osmChange to
 * it, close it. Authenticated with the collective's OAuth 2 token (Authorization: Bearer).
 */
final class OsmApi {

    /**
     * One element of a diffResult: the id in the file sent, and the id and version OpenStreetMap
     * gave it; both null for a node deleted.
     */
    record Placed(long oldId, Long newId, Integer newVersion) {
    }

    /** The API refused the upload as a conflict (409, 412): its message names the element. */
    static final class Conflict extends Exception {
        final int status;

        Conflict(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** Any other failure: unreachable, refused (401, 403), an error; the message says which. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private final String base;
    private final String token;

    OsmApi(String url, String token) {
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.token = token;
    }

    long openChangeset(String comment) {
        HttpResponse<String> r = send("PUT", "/changeset/create", OsmFiles.changeset(comment));
        expectOk(r, "opening a changeset");
        try {
            return Long.parseLong(r.body().strip());
        } catch (NumberFormatException e) {
            throw new Failure("OpenStreetMap's API answered no changeset id when opening a changeset");
        }
    }

    List<Placed> upload(long changeset, String osmChange) throws Conflict {
        HttpResponse<String> r = send("POST", "/changeset/" + changeset + "/upload", osmChange);
        if (r.statusCode() == 409 || r.statusCode() == 412) {
            String error = r.headers().firstValue("Error").orElse(r.body()).strip();
            throw new Conflict(r.statusCode(), error.isEmpty() ? "conflict " + r.statusCode() : error);
        }
        expectOk(r, "uploading changeset " + changeset);
        return diffResult(r.body());
    }

    void closeChangeset(long changeset) {
        expectOk(send("PUT", "/changeset/" + changeset + "/close", ""), "closing changeset " + changeset);
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/xml; charset=utf-8")
                .header("User-Agent", "Vigie").method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Failure("cannot reach OpenStreetMap's API at " + base + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while talking to OpenStreetMap's API");
        } catch (IllegalArgumentException e) {
            throw new Failure("vigie.osm.api-url is not a valid URL: " + base);
        }
    }

    private static void expectOk(HttpResponse<String> r, String doing) {
        if (r.statusCode() != 200) {
            String error = r.headers().firstValue("Error").orElse(r.body());
            String reason = error == null ? "" : error.strip();
            throw new Failure("OpenStreetMap's API answered " + r.statusCode() + " when " + doing
                    + (reason.isEmpty() ? "" : ": " + (reason.length() > 300 ? reason.substring(0, 300) : reason)));
        }
    }

    /** {@code <diffResult><node old_id="-1" new_id="12" new_version="1"/>...}. */
    private static List<Placed> diffResult(String body) {
        List<Placed> placed = new ArrayList<>();
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(new StringReader(body));
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("node")) {
                    String newId = xml.getAttributeValue(null, "new_id");
                    String newVersion = xml.getAttributeValue(null, "new_version");
                    placed.add(new Placed(Long.parseLong(xml.getAttributeValue(null, "old_id")),
                            newId == null ? null : Long.valueOf(newId), newVersion == null ? null : Integer.valueOf(newVersion)));
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new Failure("OpenStreetMap's API answered an unreadable diffResult");
        }
        return placed;
    }
}
