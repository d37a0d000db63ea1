package org.vigie.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens source files, looking through gzip compression (Overpass and OSM downloads often come as .gz), within {@link BoundedInflation}'s bound. */
public final class SourceFiles {

    private SourceFiles() {
    }

    public static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new BoundedInflation(new GZIPInputStream(in, 1 << 16), Files.size(file)), 1 << 16);
        }
        return in;
    }
}
