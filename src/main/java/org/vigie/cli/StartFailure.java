package org.vigie.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What a command says when the application cannot start (most often: no database, or a database
 * that does not answer): one line per cause that adds something, instead of Quarkus's stack trace
 * on stdout, where {@code import --json} promises its report alone.
 */
final class StartFailure {

    static final String DATABASE_HINT = "(the database is named by QUARKUS_DATASOURCE_JDBC_URL, "
            + "QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD; ./dev starts the local PostGIS and sets them)";

    private StartFailure() {
    }

    /** The first line of each cause's message, and any "Reason:" line, without repeats or Quarkus's wrapper. */
    static List<String> causes(Throwable failure) {
        List<String> lines = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            String message = t.getMessage();
            if (message == null || message.equals("Failed to start quarkus")) {
                continue;
            }
            String[] parts = message.strip().split("\\R");
            add(lines, parts[0]);
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].startsWith("Reason:")) {
                    add(lines, parts[i]);
                }
            }
        }
        if (lines.isEmpty()) {
            lines.add(failure.getClass().getName());
        }
        return lines;
    }

    static String describe(String command, Throwable failure) {
        return "vigie " + command + ": cannot start: " + String.join("\n  ", causes(failure)) + "\n  " + DATABASE_HINT;
    }

    private static void add(List<String> lines, String line) {
        String text = line.strip();
        if (text.isEmpty() || lines.stream().anyMatch(known -> known.contains(text))) {
            return;
        }
        lines.add(text);
    }
}
