package org.vigie.importer;

import java.nio.file.Path;

/** An adapter for one file format: streams the file's objects into the sink, in bounded memory. */
public interface SourceReader {

    /** Reads the whole file, or throws {@link ImportFailure} saying where it is broken. */
    void read(Path file, ImportSink sink);
}
