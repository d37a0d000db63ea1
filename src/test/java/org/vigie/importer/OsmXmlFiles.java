package org.vigie.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Small OSM XML extracts written by the tests: a few surveillance nodes around (2.005, 48.005),
 * a closed way and a relation, inside bounds 2.0,48.0 to 2.01,48.01.
 */
final class OsmXmlFiles {

    private final List<String> elements = new ArrayList<>();

    static OsmXmlFiles extract() {
        return new OsmXmlFiles();
    }

    OsmXmlFiles camera(long id, int version, double lon, double lat, String... tags) {
        StringBuilder node = new StringBuilder("  <node id=\"" + id + "\" version=\"" + version + "\" lat=\"" + lat + "\" lon=\"" + lon + "\">\n")
                .append("    <tag k=\"man_made\" v=\"surveillance\"/>\n");
        for (int i = 0; i < tags.length; i += 2) {
            node.append("    <tag k=\"").append(tags[i]).append("\" v=\"").append(tags[i + 1]).append("\"/>\n");
        }
        elements.add(node.append("  </node>").toString());
        return this;
    }

    OsmXmlFiles plainNode(long id, double lon, double lat) {
        elements.add("  <node id=\"" + id + "\" version=\"1\" lat=\"" + lat + "\" lon=\"" + lon + "\"/>");
        return this;
    }

    /** A square building (four untagged corner nodes, ids from {@code firstNode}) as a closed way. */
    OsmXmlFiles square(long wayId, long firstNode, double west, double south, double side, boolean surveillance) {
        plainNode(firstNode, west, south);
        plainNode(firstNode + 1, west + side, south);
        plainNode(firstNode + 2, west + side, south + side);
        plainNode(firstNode + 3, west, south + side);
        StringBuilder way = new StringBuilder("  <way id=\"" + wayId + "\" version=\"1\">\n");
        for (long n : new long[] {firstNode, firstNode + 1, firstNode + 2, firstNode + 3, firstNode}) {
            way.append("    <nd ref=\"").append(n).append("\"/>\n");
        }
        way.append(surveillance ? "    <tag k=\"man_made\" v=\"surveillance\"/>\n" : "    <tag k=\"building\" v=\"yes\"/>\n");
        elements.add(way.append("  </way>").toString());
        return this;
    }

    OsmXmlFiles relation(long id, long memberWay) {
        elements.add("  <relation id=\"" + id + "\" version=\"1\">\n    <member type=\"way\" ref=\"" + memberWay
                + "\" role=\"outer\"/>\n    <tag k=\"man_made\" v=\"surveillance\"/>\n    <tag k=\"type\" v=\"multipolygon\"/>\n  </relation>");
        return this;
    }

    String xml() {
        // OSM files list nodes, then ways, then relations.
        List<String> ordered = new ArrayList<>();
        for (String kind : List.of("  <node", "  <way", "  <relation")) {
            elements.stream().filter(e -> e.startsWith(kind)).forEach(ordered::add);
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" generator=\"vigie tests\">\n"
                + "  <bounds minlat=\"48.0\" minlon=\"2.0\" maxlat=\"48.01\" maxlon=\"2.01\"/>\n"
                + String.join("\n", ordered) + "\n</osm>\n";
    }

    Path write(Path dir, String name) throws IOException {
        return Files.writeString(dir.resolve(name), xml());
    }
}
