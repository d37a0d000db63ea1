package org.vigie.osm.sync;


import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads an osmChange file (gzip-compressed or not) whole before anything is applied: a file broken
 * anywhere, even in its last element, is refused as a whole. Every element must have an id and a
 * version; created and modified nodes a valid position.
 */
final class OsmChangeParser {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        // A diff has no business with external entities.
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private OsmChangeParser() {
    }

    static OsmChange parse(byte[] content, String name) {
        XMLStreamReader xml = null;
        try (InputStream in = open(content)) {
            xml = XML.createXMLStreamReader(in);
            List<OsmChange.Element> elements = new ArrayList<>();
            Instant newest = null;
            boolean sawRoot = false;
            OsmChange.Action action = null;
            Building current = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String tag = xml.getLocalName();
                    switch (tag) {
                        case "osmChange" -> sawRoot = true;
                        case "create", "modify", "delete" -> action = OsmChange.Action.valueOf(tag.toUpperCase(Locale.ROOT));
                        case "node", "way", "relation" -> {
                            if (!sawRoot || action == null || current != null) {
                                throw new IllegalArgumentException("a " + tag + " outside create, modify or delete");
                            }
                            current = new Building(action, tag, xml);
                            String time = xml.getAttributeValue(null, "timestamp");
                            if (time != null) {
                                Instant t = time(time);
                                newest = newest == null || t.isAfter(newest) ? t : newest;
                                current.savedAt = t.toEpochMilli();
                            }
                        }
                        case "tag" -> {
                            if (current != null) {
                                String k = xml.getAttributeValue(null, "k");
                                String v = xml.getAttributeValue(null, "v");
                                if (k == null || v == null) {
                                    throw new IllegalArgumentException("a tag without k or v");
                                }
                                current.tags.put(k.replace("\0", ""), v.replace("\0", ""));
                            }
                        }
                        case "nd" -> {
                            if (current != null) {
                                current.node(Long.parseLong(xml.getAttributeValue(null, "ref")));
                            }
                        }
                        case "member" -> {
                            if (current != null) {
                                current.members.add(member(xml.getAttributeValue(null, "type"), xml.getAttributeValue(null, "ref")));
                            }
                        }
                        default -> {
                            // bounds, meta: nothing for cameras
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String tag = xml.getLocalName();
                    if (current != null && tag.equals(current.type)) {
                        elements.add(current.build());
                        current = null;
                    } else if (tag.equals("create") || tag.equals("modify") || tag.equals("delete")) {
                        action = null;
                    }
                }
            }
            if (!sawRoot) {
                throw new MalformedDiff(name + " is not an osmChange file (no <osmChange> element)", null);
            }
            return new OsmChange(elements, newest);
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
            throw new MalformedDiff(name + " is malformed XML" + where + ": nothing of it was applied", e);
        } catch (IOException e) {
            throw new MalformedDiff(name + " cannot be read (" + e.getMessage() + "): nothing of it was applied", e);
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            String where = xml == null ? "" : " at line " + xml.getLocation().getLineNumber();
            throw new MalformedDiff(name + " has an invalid element" + where
                    + " (an id, version, position, reference or timestamp missing or wrong): nothing of it was applied", e);
        }
    }

    /**
     * An element's time. OpenStreetMap writes them as {@code 2024-05-01T12:34:56Z}, read here digit by
     * digit: Instant.parse took a third of the reading of a minutely diff (BENCHMARKS.md). Any other
     * form, or an impossible date, goes to Instant.parse, which reads it or refuses it.
     */
    static Instant time(String text) {
        if (text.length() == 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            if ((year | month | day | hour | minute | second) >= 0) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
                } catch (DateTimeException e) {
                    // an impossible date: Instant.parse says why
                }
            }
        }
        return Instant.parse(text);
    }

    /** The number written by {@code count} digits from {@code from}; -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static InputStream open(byte[] content) throws IOException {
        InputStream in = new ByteArrayInputStream(content);
        boolean gzip = content.length > 1 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b;
        return gzip ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static String member(String type, String ref) {
        if (type == null || !(type.equals("node") || type.equals("way") || type.equals("relation"))) {
            throw new IllegalArgumentException("member type " + type);
        }
        return type.charAt(0) + String.valueOf(Long.parseLong(ref));
    }

    /** The element being read, until its end tag. */
    private static final class Building {
        final OsmChange.Action action;
        final String type;
        final long id;
        final int version;
        final double lon;
        final double lat;
        final Map<String, String> tags = new HashMap<>();
        final List<String> members = new ArrayList<>();
        long savedAt;
        /** A way's nodes, the first {@code nodeCount} of them: no boxing for the diff's thousands of them. */
        private long[] nodes = new long[0];
        private int nodeCount;

        Building(OsmChange.Action action, String type, XMLStreamReader xml) {
            this.action = action;
            this.type = type;
            this.id = Long.parseLong(xml.getAttributeValue(null, "id"));
            this.version = Integer.parseInt(xml.getAttributeValue(null, "version"));
            boolean positioned = type.equals("node") && action != OsmChange.Action.DELETE;
            this.lon = positioned ? coordinate(xml, "lon", 180) : Double.NaN;
            this.lat = positioned ? coordinate(xml, "lat", 90) : Double.NaN;
        }

        private static double coordinate(XMLStreamReader xml, String name, double limit) {
            double value = Double.parseDouble(xml.getAttributeValue(null, name));
            if (!(Math.abs(value) <= limit)) {
                throw new IllegalArgumentException(name + " out of range");
            }
            return value;
        }

        void node(long ref) {
            if (nodeCount == nodes.length) {
                nodes = Arrays.copyOf(nodes, Math.max(8, 2 * nodeCount));
            }
            nodes[nodeCount++] = ref;
        }

        OsmChange.Element build() {
            return new OsmChange.Element(action, type, id, version, lon, lat, Map.copyOf(tags),
                    Arrays.copyOf(nodes, nodeCount), List.copyOf(members), savedAt);
        }
    }
}
