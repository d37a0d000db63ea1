package org.vigie.importer;

import org.vigie.camera.Camera;
import org.vigie.importer.legacy.SousSurveillanceReader;
import org.vigie.importer.osm.OsmFileReader;
import org.vigie.importer.osm.OverpassJsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The formats Vigie imports, which source they feed, and how to tell them apart by their content. */
public enum ImportFormat {
    PBF("pbf", Camera.SOURCE_OSM, OsmFileReader::pbf),
    OSM_XML("osm-xml", Camera.SOURCE_OSM, OsmFileReader::xml),
    OVERPASS_JSON("overpass-json", Camera.SOURCE_OSM, OverpassJsonReader::new),
    SOUS_SURVEILLANCE("sous-surveillance", Camera.SOURCE_SOUS_SURVEILLANCE, SousSurveillanceReader::new),
    /** An official list (CSV): never detected, its source and columns come with it (ImportOptions#list). */
    CSV("csv", null, () -> {
        throw new IllegalStateException("a CSV list is read with its options: new OfficialListReader(options)");
    });

    private final String option;
    private final String source;
    private final Supplier<SourceReader> reader;

    ImportFormat(String option, String source, Supplier<SourceReader> reader) {
        this.option = option;
        this.source = source;
        this.reader = reader;
    }

    public String option() {
        return option;
    }

    /** The {@code source} of the cameras this format creates. */
    public String source() {
        return source;
    }

    public SourceReader reader() {
        return reader.get();
    }

    public static Optional<ImportFormat> ofOption(String option) {
        return Arrays.stream(values()).filter(f -> f.option.equals(option.toLowerCase(Locale.ROOT))).findFirst();
    }

    public static String options() {
        return Arrays.stream(values()).map(ImportFormat::option).collect(Collectors.joining(", "));
    }

    /** Tells the format from the first bytes of the file (gzip-compressed files are looked into). */
    public static ImportFormat detect(Path file) {
        byte[] head;
        try (InputStream in = SourceFiles.open(file)) {
            head = in.readNBytes(8192);
        } catch (IOException e) {
            throw new ImportFailure("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (head.length == 0) {
            throw new ImportFailure(file + " is empty");
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.contains("OSMHeader")) {
            return PBF;
        }
        String start = text.replace("\uFEFF", "").stripLeading();
        if (start.startsWith("<")) {
            if (start.contains("<osm")) {
                return OSM_XML;
            }
            throw new ImportFailure(file + " is XML but not OpenStreetMap XML (no <osm> element)");
        }
        if (start.startsWith("[") || start.startsWith("{") && start.contains("\"elements\"")) {
            return OVERPASS_JSON;
        }
        if (start.startsWith("{") && (start.contains("\"FeatureCollection\"") || start.contains("\"features\""))) {
            return SOUS_SURVEILLANCE;
        }
        throw new ImportFailure("cannot tell the format of " + file + ": expected OSM PBF, OSM XML, Overpass JSON "
                + "or a sous-surveillance.net GeoJSON export (force one with --format " + options() + ")");
    }
}
