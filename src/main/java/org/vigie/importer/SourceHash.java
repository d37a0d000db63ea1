package org.vigie.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

/**
 * A digest of what a source says about an object (position and tags), to notice when it changes.
 * Stored with each imported camera: the canonical form must never change. One per thread.
 */
final class SourceHash {

    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256;
    private final StringBuilder canonical = new StringBuilder(256);

    SourceHash() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** The position in 1e-7 degrees, then each tag (key \u0001, value \u0002) in key order; 16 bytes of SHA-256 in hex. */
    String of(SourceObject o) {
        canonical.setLength(0);
        canonical.append(Math.round(o.lon() * 1e7)).append(',').append(Math.round(o.lat() * 1e7));
        Map<String, String> tags = o.tags();
        String[] keys = tags.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        for (String key : keys) {
            canonical.append('\u0001').append(key).append('\u0002').append(tags.get(key));
        }
        byte[] digest = sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest, 0, 16);
    }
}
