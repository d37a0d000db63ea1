package org.vigie.importer;

import java.util.Map;

/**
 * One object read from a source file, before mapping: its id in the source ({@code node/42},
 * or a legacy id), the source's version when it has one, its position and its raw tags.
 */
public record SourceObject(String sourceId, Integer sourceVersion, double lon, double lat, Map<String, String> tags) {
}
