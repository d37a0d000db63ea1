package org.vigie.common.problem;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The last guard before a problem leaves the server: a Java class name ({@code org.vigie...},
 * {@code java.lang...}) or a server path (a temporary upload, the install folder) tells an attacker
 * about the inside and a user nothing. Whatever text slipped through (an exception message passed on
 * by a new endpoint) has them replaced by neutral words.
 */
public final class ProblemScrubber {

    private static final Pattern JAVA_NAME = Pattern.compile(
            "`?\\b(?:java|javax|jakarta|org|com|io|sun|jdk|net)\\.[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)+(?:\\[])*`?");
    private static final Pattern SERVER_PATH = Pattern.compile(
            "(?<![\\w/.:])/(?:tmp|work|home|root|var|opt|usr|srv|proc|etc|deployments|app)(?:/[^\\s\"',;:)]*)?");

    private ProblemScrubber() {
    }

    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = JAVA_NAME.matcher(text).replaceAll("a value");
        return SERVER_PATH.matcher(cleaned).replaceAll("the file");
    }

    static Problem scrub(Problem p) {
        List<FieldError> errors = p.errors() == null ? null
                : p.errors().stream().map(e -> new FieldError(scrub(e.field()), scrub(e.reason()))).toList();
        return new Problem(p.type(), scrub(p.title()), p.status(), scrub(p.detail()), p.instance(), errors, p.extensions());
    }
}
