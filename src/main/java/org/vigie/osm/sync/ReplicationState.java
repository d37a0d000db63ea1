package org.vigie.osm.sync;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Properties;

/** A replication state ({@code state.txt}): the latest sequence published, and the data's time then. */
record ReplicationState(long sequence, Instant timestamp) {

    /** state.txt is a Java properties file: {@code timestamp=2026-12-06T12\:00\:00Z} escapes its colons. */
    static ReplicationState parse(String text, String name) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
            long sequence = Long.parseLong(p.getProperty("sequenceNumber", "").strip());
            if (sequence < 0) {
                throw new NumberFormatException("negative");
            }
            String time = p.getProperty("timestamp");
            return new ReplicationState(sequence, time == null ? null : Instant.parse(time.strip()));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw new SyncFailure(name + " is not a replication state (sequenceNumber and timestamp expected)", e);
        }
    }

    /** The path of a sequence's file on the server: 4567 is {@code 000/004/567}. */
    static String path(long sequence) {
        return String.format("%03d/%03d/%03d", sequence / 1_000_000, sequence / 1000 % 1000, sequence % 1000);
    }
}
