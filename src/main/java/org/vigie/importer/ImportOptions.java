package org.vigie.importer;

import org.locationtech.jts.geom.Envelope;

/**
 * How to import: {@code format} null means "detect it"; {@code fullArea} says the file holds every
 * camera of its source within its bounds (or {@code area}, when given), so that those missing
 * from it were taken down.
 */
public record ImportOptions(ImportFormat format, boolean fullArea, Envelope area) {

    public static ImportOptions defaults() {
        return new ImportOptions(null, false, null);
    }
}
