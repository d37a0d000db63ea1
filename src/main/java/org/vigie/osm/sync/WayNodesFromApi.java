package org.vigie.osm.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.locationtech.jts.geom.Coordinate;
import org.vigie.osm.OsmConfig;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The positions of a way's nodes, asked of OpenStreetMap's API ({@code GET /way/{id}/full}): a diff
 * that tags an existing way as a camera names the way and its node ids, not its nodes, which did not
 * change, and the registry kept none of them (it keeps the nodes of surveillance ways only). Without
 * them such a camera had no position and was never placed. No answer (the network down, the way
 * deleted since) leaves the way as the diff alone places it, and is logged.
 */
@ApplicationScoped
public class WayNodesFromApi {

    private static final Logger LOG = Logger.getLogger(WayNodesFromApi.class);
    /** OpenStreetMap's API usage policy asks for restraint: a diff asks about this many ways at most. */
    static final int MOST_WAYS_PER_DIFF = 50;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String apiUrl;

    @Inject
    public WayNodesFromApi(OsmConfig config) {
        this(config.apiUrl());
    }

    /** {@code apiUrl}: the API's base, as {@code vigie.osm.api-url} gives it. */
    public WayNodesFromApi(String apiUrl) {
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    }

    /** The way's nodes and their positions; empty when the API does not answer with them. */
    Map<Long, Coordinate> of(long wayId) {
        URI uri = URI.create(apiUrl + "/way/" + wayId + "/full");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("User-Agent", "Vigie (surveillance camera map; OpenStreetMap replication sync)").GET().build();
        try {
            HttpResponse<InputStream> answer = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = answer.body()) {
                if (answer.statusCode() != 200) {
                    LOG.warnf("way %d's nodes: OpenStreetMap's API answered %d; the way is placed at the nodes known",
                            wayId, answer.statusCode());
                    return Map.of();
                }
                return nodes(body);
            }
        } catch (IOException | XMLStreamException e) {
            LOG.warnf("way %d's nodes: OpenStreetMap's API could not be read (%s); the way is placed at the nodes known",
                    wayId, e.getMessage() == null ? "no connection" : e.getMessage());
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    private static Map<Long, Coordinate> nodes(InputStream body) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = factory.createXMLStreamReader(body);
        Map<Long, Coordinate> found = new HashMap<>();
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("node")) {
                    String id = xml.getAttributeValue(null, "id");
                    String lon = xml.getAttributeValue(null, "lon");
                    String lat = xml.getAttributeValue(null, "lat");
                    if (id != null && lon != null && lat != null) {
                        found.put(Long.parseLong(id), new Coordinate(Double.parseDouble(lon), Double.parseDouble(lat)));
                    }
                }
            }
        } catch (NumberFormatException e) {
            throw new XMLStreamException("a node without a number where one belongs: " + e.getMessage());
        } finally {
            xml.close();
        }
        return found;
    }
}
