package org.vigie.common.problem;

import java.util.List;
import java.util.Locale;

/**
 * The language of a problem's title and details, from the request's Accept-Language: French or English
 * (the languages of the app), English when the client asks for neither or says nothing, as API clients
 * and scripts usually do.
 */
public enum ProblemLanguage {
    EN("en"), FR("fr");

    private final String tag;

    ProblemLanguage(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static ProblemLanguage of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return EN;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            String chosen = Locale.lookupTag(ranges, List.of("fr", "en"));
            return "fr".equals(chosen) ? FR : EN;
        } catch (IllegalArgumentException malformedHeader) {
            return EN;
        }
    }
}
