package org.vigie.camera.rest;

import org.vigie.common.problem.ProblemException;

/** Reads the version a client saw from {@code If-Match: "3"} (weak tags and bare numbers are accepted too). */
public final class IfMatch {

    private IfMatch() {
    }

    public static int version(String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "send If-Match with the ETag of the version you edited, for example If-Match: \"3\"");
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            int version = Integer.parseInt(tag);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ProblemException.invalid("If-Match", "must be the ETag of the version you edited, a version number such as \"3\"");
    }
}
