package org.vigie.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** A digest of what a source says about an object (position and tags), to notice when it changes. */
final class SourceHash {

    private SourceHash() {
    }

    static String of(SourceObject o) {
        StringBuilder canonical = new StringBuilder()
                .append(Math.round(o.lon() * 1e7)).append(',').append(Math.round(o.lat() * 1e7));
        for (Map.Entry<String, String> tag : new TreeMap<>(o.tags()).entrySet()) {
            canonical.append('\u0001').append(tag.getKey()).append('\u0002').append(tag.getValue());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
