package org.vigie.importer;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A digest of what a source says about an object (position and tags), to notice when it changes.
 * Stored with each imported camera: the canonical form must never change. One per thread.
 */
final class SourceHash {

    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256;
    private final StringBuilder canonical = new StringBuilder(512);
    private final byte[] digest = new byte[32];
    private String[] keys = new String[16];
    private String[] values = new String[16];

    SourceHash() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /**
     * The position in 1e-7 degrees, then each tag (key \u0001, value \u0002) in key order (String's
     * natural order), in UTF-8 (a lone surrogate as '?'); 16 bytes of SHA-256 in hex.
     */
    String of(SourceObject o) {
        canonical.setLength(0);
        canonical.append(Math.round(o.lon() * 1e7)).append(',').append(Math.round(o.lat() * 1e7));
        int n = sortedTags(o.tags());
        for (int i = 0; i < n; i++) {
            canonical.append('\u0001').append(keys[i]).append('\u0002').append(values[i]);
        }
        sha256.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
        try {
            sha256.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 gives 32 bytes", e);
        }
        return HEX.formatHex(digest, 0, 16);
    }

    /** Copies the tags into {@link #keys} and {@link #values}, sorted by key (an insertion sort: a few tags each). */
    private int sortedTags(Map<String, String> tags) {
        if (tags.size() > keys.length) {
            keys = new String[tags.size()];
            values = new String[tags.size()];
        }
        int n = 0;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            int i = n++;
            for (; i > 0 && keys[i - 1].compareTo(key) > 0; i--) {
                keys[i] = keys[i - 1];
                values[i] = values[i - 1];
            }
            keys[i] = key;
            values[i] = tag.getValue();
        }
        return n;
    }
}
