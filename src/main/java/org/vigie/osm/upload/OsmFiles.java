package org.vigie.osm.upload;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The edits as files: an osmChange (what the API 0.6 uploads) and a JOSM file ({@code action=}) for review in JOSM. */
public final class OsmFiles {

    static final String GENERATOR = "Vigie";

    private OsmFiles() {
    }

    /** An osmChange document; {@code changeset} is the changeset's id for an upload, null for a download. */
    public static String osmChange(List<OsmEdit> edits, Long changeset) {
        return write(xml -> {
            xml.writeStartElement("osmChange");
            xml.writeAttribute("version", "0.6");
            xml.writeAttribute("generator", GENERATOR);
            for (String action : OsmEdit.ACTIONS) {
                boolean open = false;
                for (int i = 0; i < edits.size(); i++) {
                    OsmEdit e = edits.get(i);
                    if (e.action().equals(action)) {
                        if (!open) {
                            xml.writeStartElement(action);
                            open = true;
                        }
                        node(xml, e, i, changeset, null);
                    }
                }
                if (open) {
                    xml.writeEndElement();
                }
            }
            xml.writeEndElement();
        });
    }

    /**
     * A JOSM file: every node marked action="modify" (new ones with negative ids) or "delete", to
     * open, check and upload in JOSM.
     */
    public static String josm(List<OsmEdit> edits) {
        return write(xml -> {
            xml.writeStartElement("osm");
            xml.writeAttribute("version", "0.6");
            xml.writeAttribute("generator", GENERATOR);
            xml.writeAttribute("upload", "true");
            for (int i = 0; i < edits.size(); i++) {
                OsmEdit e = edits.get(i);
                node(xml, e, i, null, e.action().equals(OsmEdit.DELETE) ? OsmEdit.DELETE : OsmEdit.MODIFY);
            }
            xml.writeEndElement();
        });
    }

    /** The body of PUT /changeset/create. */
    static String changeset(String comment) {
        return write(xml -> {
            xml.writeStartElement("osm");
            xml.writeStartElement("changeset");
            for (Map.Entry<String, String> tag : Map.of("created_by", GENERATOR, "comment", comment).entrySet()) {
                xml.writeEmptyElement("tag");
                xml.writeAttribute("k", tag.getKey());
                xml.writeAttribute("v", tag.getValue());
            }
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    private static void node(XMLStreamWriter xml, OsmEdit e, int index, Long changeset, String josmAction)
            throws XMLStreamException {
        xml.writeStartElement("node");
        xml.writeAttribute("id", String.valueOf(e.fileId(index)));
        if (josmAction != null) {
            xml.writeAttribute("action", josmAction);
            xml.writeAttribute("visible", "true");
        }
        if (e.osmVersion() != null) {
            xml.writeAttribute("version", String.valueOf(e.osmVersion()));
        } else if (josmAction == null) {
            xml.writeAttribute("version", "0");
        }
        if (changeset != null) {
            xml.writeAttribute("changeset", String.valueOf(changeset));
        }
        xml.writeAttribute("lat", coordinate(e.lat()));
        xml.writeAttribute("lon", coordinate(e.lon()));
        if (e.action().equals(OsmEdit.DELETE) && josmAction == null) {
            xml.writeEndElement(); // an osmChange deletion names the node and its version, nothing more
            return;
        }
        for (Map.Entry<String, String> tag : new TreeMap<>(e.tags()).entrySet()) {
            xml.writeEmptyElement("tag");
            xml.writeAttribute("k", tag.getKey());
            xml.writeAttribute("v", tag.getValue());
        }
        xml.writeEndElement();
    }

    /** Seven decimals: OpenStreetMap's precision. */
    private static String coordinate(double degrees) {
        return String.format(Locale.ROOT, "%.7f", degrees);
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            out.write('\n');
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the OpenStreetMap file", e);
        }
        return out.append('\n').toString();
    }
}
