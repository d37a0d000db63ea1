package org.vigie.common.problem;

import java.util.List;

/**
 * Quarkus REST's multipart parser fails with plain exceptions (a RuntimeException "Param limit of
 * 1000 was exceeded", an IOException for a body cut short or without its boundary), which would be
 * answered 500: they are the client's doing, so 413 for too many parts and 400 otherwise, naming the body.
 */
final class MultipartFailures {

    private static final String PARSER = "org.jboss.resteasy.reactive.server.core.multipart.";
    private static final String FORM_HANDLER = "org.jboss.resteasy.reactive.server.handlers.FormBodyHandler";

    private MultipartFailures() {
    }

    /** The problem for a failure of the multipart parser, or null when {@code e} is something else. */
    static ProblemException problem(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (fromParser(cause)) {
                String message = String.valueOf(cause.getMessage());
                if (message.contains("limit of")) {
                    String limit = message.replaceAll("\\D+", " ").strip().split(" ")[0];
                    return new ProblemException(413, "request-too-large", "Request too large",
                            "too many parts: at most " + limit, List.of(new FieldError("body", "too many parts: at most " + limit)));
                }
                return new ProblemException(400, "malformed-multipart", "Invalid input",
                        "the multipart body is malformed: every part must end with the boundary, and the body with the closing boundary",
                        List.of(new FieldError("body", "is not a complete multipart/form-data body")));
            }
        }
        return null;
    }

    private static boolean fromParser(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 8); i++) {
            String name = frames[i].getClassName();
            if (name.startsWith(PARSER) || name.equals(FORM_HANDLER)) {
                return true;
            }
        }
        return false;
    }
}
