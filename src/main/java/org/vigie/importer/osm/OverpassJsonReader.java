package org.vigie.importer.osm;

import com.fasterxml.jackson.databind.JsonNode;
import org.vigie.importer.ImportDates;
import org.vigie.importer.ImportSink;
import org.vigie.importer.JsonElements;
import org.vigie.importer.SourceObject;
import org.vigie.importer.SourceReader;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads Overpass JSON: a full response (its {@code elements}) or a bare array of elements, one
 * element in memory at a time. Ways and relations are placed at their {@code center} (Overpass
 * {@code out center}), else at the middle of their {@code bounds} or {@code geometry}.
 */
public final class OverpassJsonReader implements SourceReader {

    @Override
    public void read(Path file, ImportSink sink) {
        JsonElements.forEach(file, "elements", true, node -> element(node, sink));
    }

    private static void element(JsonNode e, ImportSink sink) {
        String type = e.path("type").asText("");
        if (!e.path("id").canConvertToLong() || !(type.equals("node") || type.equals("way") || type.equals("relation"))) {
            sink.skipped("not_an_osm_element");
            return;
        }
        Map<String, String> tags = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = e.path("tags").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> tag = it.next();
            tags.put(tag.getKey(), tag.getValue().asText());
        }
        if (tags.isEmpty()) {
            sink.skipped("untagged");
            return;
        }
        double[] position = position(e);
        if (position == null && OsmFileReader.isSurveillance(tags)) {
            sink.skipped("unresolved_geometry");
            return;
        }
        Integer version = e.hasNonNull("version") ? e.get("version").asInt() : null;
        // Overpass gives the timestamp with "out meta" only
        LocalDate stamped = OsmFileReader.isSurveillance(tags) ? ImportDates.stamped(e.path("timestamp").asText(null)) : null;
        sink.object(new SourceObject(type + "/" + e.get("id").asLong(), version,
                position == null ? Double.NaN : position[0], position == null ? Double.NaN : position[1], tags, stamped));
    }

    /** Both numbers, or NaN (which the mapper skips as an invalid position): never a silent 0. */
    private static double[] lonLat(JsonNode node) {
        JsonNode lon = node.path("lon");
        JsonNode lat = node.path("lat");
        return lon.isNumber() && lat.isNumber() ? new double[] {lon.asDouble(), lat.asDouble()} : new double[] {Double.NaN, Double.NaN};
    }

    private static double[] position(JsonNode e) {
        if (e.has("lat") || e.has("lon")) {
            return lonLat(e);
        }
        JsonNode center = e.get("center");
        if (center != null) {
            return lonLat(center);
        }
        JsonNode b = e.get("bounds");
        if (b != null && b.has("minlat")) {
            return new double[] {(b.get("minlon").asDouble() + b.get("maxlon").asDouble()) / 2,
                    (b.get("minlat").asDouble() + b.get("maxlat").asDouble()) / 2};
        }
        JsonNode geometry = e.get("geometry");
        if (geometry != null && geometry.isArray() && !geometry.isEmpty()) {
            double lon = 0;
            double lat = 0;
            for (JsonNode p : geometry) {
                lon += p.path("lon").asDouble();
                lat += p.path("lat").asDouble();
            }
            return new double[] {lon / geometry.size(), lat / geometry.size()};
        }
        return null;
    }
}
