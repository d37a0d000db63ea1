package org.vigie.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * What the tests send that must never be stored: every password, every bearer token the support
 * code issues, every client address. Each is written to {@link #FILE} as it is first used, and
 * {@code src/test/privacy-audit.sh} (run by {@code ./dev test} after the suite) searches a dump of
 * the test database and the server log for them. Wrap a literal where it is declared:
 * {@code PASSWORD = Secrets.password("...")}.
 */
public final class Secrets {

    /** One needle a line: {@code kind TAB value}. Relative to the project folder, where Maven runs the tests. */
    public static final Path FILE = Path.of("target", "privacy-audit", "needles.tsv");

    private static final Set<String> RECORDED = new HashSet<>();

    private Secrets() {
    }

    /** A password a test registers, logs in with or types; answers it unchanged. */
    public static String password(String password) {
        return record("password", password);
    }

    /** A bearer token the tests hold; answers it unchanged. */
    public static String token(String token) {
        return record("token", token);
    }

    /** An IP address the tests send from or name in a forwarding header; answers it unchanged. */
    public static String address(String address) {
        return record("address", address);
    }

    /**
     * Dumps the test database next to {@link #FILE} before a test empties tables that earlier tests
     * wrote: the audit searches that dump too, or it would never see what they stored.
     */
    public static void dumpBeforeWiping(String who) {
        String db = System.getenv().getOrDefault("VIGIE_TEST_DB", "vigie_test");
        Path dump = FILE.resolveSibling("dump-before-" + who + ".sql");
        try {
            Files.createDirectories(dump.getParent());
            Process pg = new ProcessBuilder("docker/local-postgis.sh", "dump", db)
                    .redirectOutput(dump.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (pg.waitFor() != 0) {
                throw new IllegalStateException("docker/local-postgis.sh dump " + db + " failed: the privacy audit would miss "
                        + "what the tests before " + who + " stored");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("dumping " + db + " for the privacy audit", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dumping " + db, e);
        }
    }

    private static synchronized String record(String kind, String value) {
        // The audit reads one value a line and searches the dump's COPY text, which escapes these.
        if (value.isEmpty() || value.chars().anyMatch(c -> c < 0x20 || c == '\\')) {
            throw new IllegalArgumentException("a " + kind + " the privacy audit can search for: no control character nor backslash");
        }
        if (RECORDED.add(kind + "\t" + value)) {
            try {
                Files.createDirectories(FILE.getParent());
                Files.writeString(FILE, kind + "\t" + value + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("the privacy audit's list " + FILE.toAbsolutePath(), e);
            }
        }
        return value;
    }
}
