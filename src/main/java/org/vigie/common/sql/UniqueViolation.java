package org.vigie.common.sql;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Tells a clash on one unique index from any other database failure, wherever it sits in the causes. */
public final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    /** True when PostgreSQL refused the write because {@code index} (a unique index or constraint) already holds the value. */
    public static boolean on(Throwable failure, String index) {
        PSQLException clash = find(failure);
        ServerErrorMessage server = clash == null ? null : clash.getServerErrorMessage();
        return server != null && index.equals(server.getConstraint());
    }

    /** True when PostgreSQL refused the write because some unique index already holds the value. */
    public static boolean any(Throwable failure) {
        return find(failure) != null;
    }

    private static PSQLException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PSQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return sql;
            }
        }
        return null;
    }
}
