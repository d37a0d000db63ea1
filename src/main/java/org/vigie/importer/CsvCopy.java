package org.vigie.importer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;

/** Builds rows for PostgreSQL's COPY ... (FORMAT csv), the fastest way to load many rows. */
final class CsvCopy {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder rows;
    private int count;
    private boolean firstField = true;

    /** A builder for many rows, sent with {@link #copyInto}. */
    CsvCopy() {
        this(1 << 16);
    }

    /** A builder of the given starting size: small for one row. */
    CsvCopy(int capacity) {
        rows = new StringBuilder(capacity);
    }

    CsvCopy field(Object value) {
        separate();
        if (value != null) {
            // Quoted, so that an empty string stays distinct from NULL (an unquoted empty field).
            String text = value.toString();
            rows.append('"').append(text.indexOf('"') < 0 ? text : text.replace("\"", "\"\"")).append('"');
        }
        return this;
    }

    /** Bytes as hexadecimal: how PostGIS reads (E)WKB geometries from text. Never needs quoting. */
    CsvCopy hex(byte[] bytes) {
        separate();
        rows.ensureCapacity(rows.length() + 2 * bytes.length);
        for (byte b : bytes) {
            rows.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
        return this;
    }

    private void separate() {
        if (!firstField) {
            rows.append(',');
        }
        firstField = false;
    }

    /** A PostgreSQL array literal of simple values (numbers, enum words). */
    CsvCopy array(Collection<?> values) {
        StringBuilder literal = new StringBuilder("{");
        for (Object v : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append(v);
        }
        return field(literal.append('}'));
    }

    /** A row whose first field is {@code first} and whose other fields were already written as {@code rest}. */
    CsvCopy row(Object first, String rest) {
        field(first);
        rows.append(',').append(rest);
        return endRow();
    }

    /** The fields written so far, for {@link #row} (a builder used for one row only). */
    String text() {
        return rows.toString();
    }

    CsvCopy endRow() {
        rows.append('\n');
        count++;
        firstField = true;
        return this;
    }

    int count() {
        return count;
    }

    /** Sends the rows with {@code COPY table (columns) FROM STDIN} and starts afresh. */
    void copyInto(Connection connection, String tableAndColumns) throws SQLException {
        if (count == 0) {
            return;
        }
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY " + tableAndColumns + " FROM STDIN WITH (FORMAT csv)", new StringReader(rows.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY into " + tableAndColumns + " failed", e);
        }
        rows.setLength(0);
        count = 0;
    }
}
