package org.vigie.common.sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Native queries hand timestamptz back as Instant, OffsetDateTime or Timestamp depending on the driver path. */
public final class Timestamps {

    private Timestamps() {
    }

    public static OffsetDateTime of(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        return null;
    }
}
