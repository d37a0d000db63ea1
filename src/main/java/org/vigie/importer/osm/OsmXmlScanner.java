package org.vigie.importer.osm;

import org.locationtech.jts.geom.Envelope;
import org.vigie.importer.ImportDates;
import org.vigie.importer.ImportFailure;
import org.vigie.importer.SourceFiles;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads OSM XML (.osm, Overpass XML output) with StAX: one element in memory at a time. */
final class OsmXmlScanner implements OsmScanner {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        // OSM files have no business with external entities.
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private final Path file;

    OsmXmlScanner(Path file) {
        this.file = file;
    }

    @Override
    public void scan(OsmHandler handler) {
        XMLStreamReader xml = null;
        try (InputStream in = SourceFiles.open(file)) {
            xml = XML.createXMLStreamReader(new XmlRunLimit(in));
            boolean sawRoot = false;
            Element current = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    switch (name) {
                        case "osm" -> sawRoot = true;
                        case "remark" -> throw new ImportFailure(file + ": the Overpass answer is incomplete (remark: "
                                + xml.getElementText().strip() + ")");
                        case "bounds" -> handler.bounds(new Envelope(
                                number(xml, "minlon"), number(xml, "maxlon"), number(xml, "minlat"), number(xml, "maxlat")));
                        case "node", "way", "relation" -> current = new Element(name, xml);
                        case "tag" -> {
                            if (current != null) {
                                current.tags.put(xml.getAttributeValue(null, "k"), xml.getAttributeValue(null, "v"));
                            }
                        }
                        case "nd" -> {
                            if (current != null) {
                                current.refs.add("n" + Long.parseLong(xml.getAttributeValue(null, "ref")));
                            }
                        }
                        case "member" -> {
                            if (current != null) {
                                current.refs.add(member(xml.getAttributeValue(null, "type"), xml.getAttributeValue(null, "ref")));
                            }
                        }
                        default -> {
                            // other elements (note, meta) say nothing about cameras
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && current != null
                        && xml.getLocalName().equals(current.type)) {
                    current.emit(handler);
                    current = null;
                }
            }
            if (!sawRoot) {
                throw new ImportFailure(file + ": not OpenStreetMap XML (no <osm> element)");
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
            throw new ImportFailure(file + ": malformed XML" + where + " (" + e.getMessage().replaceAll("\\s+", " ") + ")", e);
        } catch (IOException e) {
            throw new ImportFailure(file + ": cannot read (" + e.getMessage() + ")", e);
        } catch (NumberFormatException | NullPointerException e) {
            String where = xml == null ? "" : " at line " + xml.getLocation().getLineNumber();
            throw new ImportFailure(file + ": an element lacks a valid id, lat, lon, ref or member type" + where, e);
        } finally {
            close(xml);
        }
    }

    /** The reader holds its buffers (a long text read so far) until closed: after a failure too. */
    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // closing releases memory only; the import's outcome is already decided
            }
        }
    }

    /** A member reference as the reader keeps it: n, w or r and the id, both checked. */
    private static String member(String type, String ref) {
        if (type == null || !(type.equals("node") || type.equals("way") || type.equals("relation"))) {
            throw new NumberFormatException("member type " + type);
        }
        return type.charAt(0) + String.valueOf(Long.parseLong(ref));
    }

    private static double number(XMLStreamReader xml, String attribute) {
        return Double.parseDouble(xml.getAttributeValue(null, attribute));
    }

    /** The element being read, until its end tag. */
    private static final class Element {
        final String type;
        final long id;
        final Integer version;
        final double lon;
        final double lat;
        /** The timestamp as written, read into a day only for the elements that ask (cameras). */
        final String timestamp;
        final Map<String, String> tags = new HashMap<>();
        final List<String> refs = new ArrayList<>();

        Element(String type, XMLStreamReader xml) {
            this.type = type;
            this.id = Long.parseLong(xml.getAttributeValue(null, "id"));
            String v = xml.getAttributeValue(null, "version");
            this.version = v == null ? null : Integer.valueOf(v);
            this.lon = type.equals("node") ? number(xml, "lon") : Double.NaN;
            this.lat = type.equals("node") ? number(xml, "lat") : Double.NaN;
            this.timestamp = xml.getAttributeValue(null, "timestamp");
        }

        void emit(OsmHandler handler) {
            Stamp stamp = timestamp == null ? Stamp.NONE : () -> ImportDates.stamped(timestamp);
            switch (type) {
                case "node" -> handler.node(id, version, lon, lat, tags, stamp);
                case "way" -> handler.way(id, version, tags,
                        refs.stream().mapToLong(r -> Long.parseLong(r.substring(1))).toArray(), stamp);
                default -> handler.relation(id, version, tags, refs.toArray(String[]::new), stamp);
            }
        }
    }
}
