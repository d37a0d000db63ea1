package org.vigie.importer.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.vigie.importer.ImportSink;
import org.vigie.importer.JsonElements;
import org.vigie.importer.SourceObject;
import org.vigie.importer.SourceReader;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the GeoJSON export of sous-surveillance.net, one feature at a time. Every property is
 * kept as a raw tag, {@code contenu_popup} (an HTML fragment) included, as text.
 */
public final class SousSurveillanceReader implements SourceReader {

    @Override
    public void read(Path file, ImportSink sink) {
        JsonElements.forEach(file, "features", false, node -> feature(node, sink));
    }

    private static void feature(JsonNode feature, ImportSink sink) {
        JsonNode geometry = feature.path("geometry");
        JsonNode coordinates = geometry.path("coordinates");
        if (!"Point".equals(geometry.path("type").asText()) || coordinates.size() < 2
                || !coordinates.get(0).isNumber() || !coordinates.get(1).isNumber()) {
            sink.skipped("not_a_point");
            return;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = feature.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (!p.getValue().isNull()) {
                tags.put(p.getKey(), p.getValue().isValueNode() ? p.getValue().asText() : p.getValue().toString());
            }
        }
        String id = tags.get("id_camera");
        sink.object(new SourceObject(id == null ? null : id.strip(), null,
                coordinates.get(0).asDouble(), coordinates.get(1).asDouble(), tags));
    }
}
