package org.vigie.importer.osm;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** How PBF files are decoded (read by {@link PbfScanner}, which is not a bean). */
@ConfigMapping(prefix = "vigie.pbf")
public interface PbfConfig {

    /**
     * Threads that inflate and decode PBF blocks beside the reading thread; 0: the reading thread
     * decodes them itself. Without it, one per core beyond the first, at most 2.
     */
    Optional<Integer> decoders();
}
