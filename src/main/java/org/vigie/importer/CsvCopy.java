package org.vigie.importer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

/** Builds rows for PostgreSQL's COPY ... (FORMAT csv): simple rows of text, such as the ids an import saw. */
final class CsvCopy {

    private final StringBuilder rows;
    private int count;
    private boolean firstField = true;

    /** A builder for many rows, sent with {@link #copyInto}. */
    CsvCopy() {
        rows = new StringBuilder(1 << 16);
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

    private void separate() {
        if (!firstField) {
            rows.append(',');
        }
        firstField = false;
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
