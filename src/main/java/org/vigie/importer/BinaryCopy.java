package org.vigie.importer;

import org.vigie.camera.attribute.WireEnum;

import java.sql.Connection;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Rows for PostgreSQL's {@code COPY ... (FORMAT binary)}: every value in the server's own binary
 * form (geometries as EWKB, numbers as bytes), so that neither side writes or parses text. The
 * fields of a row may be written in parts: a part built elsewhere is added with {@link #append}.
 */
final class BinaryCopy {

    private static final int INT4_OID = 23;
    private static final int TEXT_OID = 25;
    private static final int JSONB_VERSION = 1;
    /** EWKB: big-endian marker, the type of a point with an SRID flag, then the SRID. */
    private static final int EWKB_POINT_WITH_SRID = 0x20000001;
    private static final int EWKB_POINT_BYTES = 1 + 4 + 4 + 8 + 8;
    /** PostgreSQL counts time from 2000-01-01 UTC, in microseconds. */
    private static final long EPOCH_2000_SECONDS = 946_684_800L;
    private static final long EPOCH_2000_DAYS = LocalDate.of(2000, 1, 1).toEpochDay();

    private byte[] bytes;
    private int length;
    private int rows;

    BinaryCopy(int capacity) {
        bytes = new byte[capacity];
    }

    /** Starts a row of {@code fields} values. */
    BinaryCopy row(int fields) {
        rows++;
        return int2(fields);
    }

    BinaryCopy nul() {
        return int4(-1);
    }

    BinaryCopy int8(long value) {
        return int4(8).long8(value);
    }

    BinaryCopy smallint(int value) {
        return int4(2).int2(value);
    }

    BinaryCopy integer(Integer value) {
        return value == null ? nul() : int4(4).int4(value);
    }

    BinaryCopy float8(Double value) {
        return value == null ? nul() : int8(Double.doubleToLongBits(value));
    }

    /** A point as PostGIS's EWKB, written in place (JTS's WKBWriter goes through a stream per geometry). */
    BinaryCopy point(double lon, double lat, int srid) {
        int4(EWKB_POINT_BYTES);
        ensure(1);
        bytes[length++] = 0; // big-endian (XDR)
        return int4(EWKB_POINT_WITH_SRID).int4(srid).long8(Double.doubleToLongBits(lon)).long8(Double.doubleToLongBits(lat));
    }

    BinaryCopy bool(boolean value) {
        int4(1);
        ensure(1);
        bytes[length++] = (byte) (value ? 1 : 0);
        return this;
    }

    /** Text in UTF-8, its length written before it. */
    BinaryCopy text(String value) {
        if (value == null) {
            return nul();
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return int4(utf8.length).append(utf8);
    }

    /** jsonb: a version byte, then the JSON text in UTF-8. */
    BinaryCopy jsonb(byte[] json) {
        int4(json.length + 1);
        ensure(1);
        bytes[length++] = JSONB_VERSION;
        return append(json);
    }

    BinaryCopy timestamptz(OffsetDateTime value) {
        long micros = (value.toEpochSecond() - EPOCH_2000_SECONDS) * 1_000_000L + value.getNano() / 1000;
        return int8(micros);
    }

    /** A date: days since 2000-01-01, PostgreSQL's epoch. */
    BinaryCopy date(LocalDate value) {
        return value == null ? nul() : int4(4).int4((int) (value.toEpochDay() - EPOCH_2000_DAYS));
    }

    BinaryCopy intArray(List<Integer> values) {
        int n = values.size();
        int4(12 + (n == 0 ? 0 : 8 + 8 * n));
        arrayHeader(n, INT4_OID);
        for (int i = 0; i < n; i++) {
            int4(4).int4(values.get(i));
        }
        return this;
    }

    /** A text[] of the values' wire names (ASCII), in the collection's order. */
    BinaryCopy wireArray(Collection<? extends WireEnum> values) {
        int n = values.size();
        int size = 12 + (n == 0 ? 0 : 8);
        for (WireEnum value : values) {
            size += 4 + value.wire().length();
        }
        int4(size);
        arrayHeader(n, TEXT_OID);
        for (WireEnum value : values) {
            text(value.wire());
        }
        return this;
    }

    /** Dimensions (none when empty), no nulls, the element type, then the one dimension's size and lower bound. */
    private void arrayHeader(int size, int elementOid) {
        int4(size == 0 ? 0 : 1).int4(0).int4(elementOid);
        if (size > 0) {
            int4(size).int4(1);
        }
    }

    /** Adds fields written by another builder (the part of a row prepared on the reading thread). */
    BinaryCopy append(byte[] part) {
        return append(part, 0, part.length);
    }

    /** Adds {@code source[from .. to)}. */
    BinaryCopy append(byte[] source, int from, int to) {
        ensure(to - from);
        System.arraycopy(source, from, bytes, length, to - from);
        length += to - from;
        return this;
    }

    /** The bytes written so far are {@code array()[0 .. length())}; the array is replaced when it grows. */
    byte[] array() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** The bytes written so far, for a part handed to another builder; this builder starts afresh. */
    byte[] take() {
        byte[] part = Arrays.copyOf(bytes, length);
        length = 0;
        rows = 0;
        return part;
    }

    /** Starts afresh, forgetting the rows written so far. */
    void clear() {
        length = 0;
        rows = 0;
    }

    /**
     * Sends the rows with {@code COPY table (columns) FROM STDIN (FORMAT binary)} and starts afresh.
     */
    void copyInto(Connection connection, String tableAndColumns) throws SQLException {
        if (rows == 0) {
            return;
        }
        CopyStream copy = CopyStream.open(connection, tableAndColumns);
        try {
            copy.send(this);
            copy.end();
        } finally {
            copy.cancel();
        }
    }

    private BinaryCopy int2(int value) {
        ensure(2);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
        return this;
    }

    private BinaryCopy long8(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (value >>> shift);
        }
        return this;
    }

    private BinaryCopy int4(int value) {
        ensure(4);
        putInt(length, value);
        length += 4;
        return this;
    }

    private void putInt(int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
