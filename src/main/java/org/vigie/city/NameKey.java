package org.vigie.city;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form of a name that search compares: lower case, accents removed, ligatures spelled out,
 * punctuation turned into single spaces. "Val-d'Isère" and "val d isere" have the same key.
 */
public final class NameKey {

    private NameKey() {
    }

    public static String of(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        return decomposed.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
