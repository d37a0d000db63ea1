package org.vigie.support;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real public files in ../shared/data (see its README): tests that need them skip when it is absent. */
public final class SharedData {

    public static final Path ROOT = Path.of("..", "shared", "data");

    private SharedData() {
    }

    /** The file, or the test is skipped with a message saying why. */
    public static Path file(String relative) {
        Path file = ROOT.resolve(relative);
        Assumptions.assumeTrue(Files.isReadable(file),
                "skipped: " + file.toAbsolutePath().normalize() + " is absent (the shared data folder ../shared/data is needed)");
        return file;
    }
}
