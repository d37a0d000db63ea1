package org.vigie.importer;

/** The file cannot be imported (unreadable, truncated, malformed): the message says where and why. */
public class ImportFailure extends RuntimeException {

    public ImportFailure(String message) {
        super(message);
    }

    public ImportFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Why a library failed, for the user: the innermost cause's own message. A wrapping exception's
     * message is its cause's class name and message ("crosby.binary.file.FileFormatException: ..."),
     * which says nothing to the collective importing a file.
     */
    public static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? "unreadable data" : message;
    }
}
