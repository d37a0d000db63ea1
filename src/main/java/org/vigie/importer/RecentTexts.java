package org.vigie.importer;

import java.util.Arrays;

/**
 * The encodings of the texts met lately, found by identity: the tags of a PBF block are the same
 * few hundred String objects for thousands of nodes, so that most texts of a camera need not be
 * encoded again. A text is kept from its second sight only, so that texts met once (those of other
 * readers, made per object) cost no copy. Immutable texts, compared by reference: never stale.
 */
final class RecentTexts {

    private static final int SLOTS = 1024;
    private static final int LONGEST = 64;

    private final String[] seen = new String[SLOTS];
    private final String[] texts = new String[SLOTS];
    private final byte[][] encoded = new byte[SLOTS][];

    /** Adds the encoding of {@code s} to {@code out} if it is kept; false if not. */
    boolean copy(String s, Utf8Buffer out) {
        int slot = System.identityHashCode(s) & (SLOTS - 1);
        if (texts[slot] != s) {
            return false;
        }
        out.add(encoded[slot]);
        return true;
    }

    /** {@code s} was just encoded as {@code bytes[from .. to)}. */
    void keep(String s, byte[] bytes, int from, int to) {
        int slot = System.identityHashCode(s) & (SLOTS - 1);
        if (seen[slot] != s) {
            seen[slot] = s;
        } else if (to - from <= LONGEST) {
            texts[slot] = s;
            encoded[slot] = Arrays.copyOfRange(bytes, from, to);
        }
    }
}
