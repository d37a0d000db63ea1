package org.vigie.importer;

import java.time.LocalDate;
import java.util.Map;

/**
 * One object read from a source file, before mapping: its id in the source ({@code node/42},
 * or a legacy id), the source's version when it has one, its position and its raw tags, and
 * {@code stamped}, the day the source saved this version (an OpenStreetMap element's timestamp),
 * null when the source does not say. The stamp is not part of the source's digest (SourceHash):
 * it changes only with the version.
 */
public record SourceObject(String sourceId, Integer sourceVersion, double lon, double lat, Map<String, String> tags,
                           LocalDate stamped) {

    /** An object whose source gives no timestamp (legacy records, official lists, Overpass without meta). */
    public SourceObject(String sourceId, Integer sourceVersion, double lon, double lat, Map<String, String> tags) {
        this(sourceId, sourceVersion, lon, lat, tags, null);
    }
}
