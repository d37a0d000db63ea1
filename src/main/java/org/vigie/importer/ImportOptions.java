package org.vigie.importer;

import org.locationtech.jts.geom.Envelope;
import org.vigie.importer.list.ListOptions;

/**
 * How to import: {@code format} null means "detect it"; {@code fullArea} says the file holds every
 * camera of its source within its bounds (or {@code area}, when given), so that those missing
 * from it were taken down. {@code list}: how to read an official list ({@link ImportFormat#CSV} only).
 */
public record ImportOptions(ImportFormat format, boolean fullArea, Envelope area, ListOptions list) {

    public ImportOptions(ImportFormat format, boolean fullArea, Envelope area) {
        this(format, fullArea, area, null);
    }

    /** The source the cameras are filed under: the list's name for a CSV, else the format's. */
    public String source(ImportFormat chosen) {
        return chosen == ImportFormat.CSV ? list.source() : chosen.source();
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, false, null);
    }
}
