package org.vigie.importer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When an import builds the camera table's secondary indexes after loading instead of row by row. */
@ConfigMapping(prefix = "vigie.import")
public interface ImportConfig {

    /** Files at least this large (bytes) into a table of at most {@link #deferIndexesUpToRows} cameras. */
    @WithDefault("1000000")
    long deferIndexesFromBytes();

    /** 0: only a first import into an empty registry, where rebuilding indexes costs nothing extra. */
    @WithDefault("0")
    long deferIndexesUpToRows();
}
