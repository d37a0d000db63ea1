package org.vigie.importer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A {@code COPY ... FROM STDIN (FORMAT binary)}: the header, the rows, the trailer. Binary COPY is
 * kept for the import's new cameras because every value goes in the server's own form (geometries as
 * EWKB, numbers as bytes): neither side writes or parses text, and one statement a block of 2,000
 * rows replaces 2,000 INSERTs (an INSERT a row made the synthetic million-camera import several
 * times slower, BENCHMARKS.md's history). The connection serves nothing else until {@link #end} or
 * {@link #cancel}.
 */
final class CopyStream {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] TRAILER = {(byte) 0xff, (byte) 0xff};

    private final CopyIn copy;

    private CopyStream(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts the COPY. */
    static CopyStream open(Connection connection, String tableAndColumns) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + tableAndColumns + " FROM STDIN WITH (FORMAT binary)");
        CopyStream stream = new CopyStream(copy);
        try {
            copy.writeToCopy(HEADER, 0, HEADER.length);
        } catch (SQLException e) {
            stream.cancel();
            throw e;
        }
        return stream;
    }

    /** Sends the rows written in {@code rows}, which starts afresh. */
    void send(BinaryCopy rows) throws SQLException {
        copy.writeToCopy(rows.array(), 0, rows.length());
        rows.clear();
    }

    /** Ends the COPY: the server has then stored every row sent, or refused the whole COPY. */
    void end() throws SQLException {
        try {
            copy.writeToCopy(TRAILER, 0, TRAILER.length);
            copy.endCopy();
        } finally {
            cancel();
        }
    }

    /** Abandons the COPY if it is still open (its transaction is failing anyway); never throws. */
    void cancel() {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // the connection is broken or the transaction failed: its own error is the one reported
            }
        }
    }
}
