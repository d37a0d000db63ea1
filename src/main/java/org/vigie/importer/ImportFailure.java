package org.vigie.importer;

/** The file cannot be imported (unreadable, truncated, malformed): the message says where and why. */
public class ImportFailure extends RuntimeException {

    public ImportFailure(String message) {
        super(message);
    }

    public ImportFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
