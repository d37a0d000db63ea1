package org.vigie.importer;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stored hashes of earlier imports must still match: the digest's canonical form never changes. */
class SourceHashTest {

    private final SourceHash hashes = new SourceHash();

    /** The canonical form as first written (a StringBuilder, then String.getBytes): the specification. */
    private static String reference(SourceObject o) throws Exception {
        StringBuilder canonical = new StringBuilder();
        canonical.append(Math.round(o.lon() * 1e7)).append(',').append(Math.round(o.lat() * 1e7));
        String[] keys = o.tags().keySet().toArray(new String[0]);
        Arrays.sort(keys);
        for (String key : keys) {
            canonical.append('\u0001').append(key).append('\u0002').append(o.tags().get(key));
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    @Test
    void knownHashesOfEarlierImports() {
        // Computed by the first implementation (commit ed90f3f).
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("name", "Caméra \"du\" parc 😀");
        tags.put("operator", "Ville\\de\nGrenoble");
        tags.put("man_made", "surveillance");
        tags.put("lone", "x\ud800y");
        assertEquals("25780087f17a15efb03aeacd25eee4b2", hashes.of(new SourceObject("node/1", 1, 5.7263, 45.1903,
                Map.of("man_made", "surveillance", "camera:type", "dome", "surveillance", "public"))));
        assertEquals("2451f401bf139a73075e653c66277242", hashes.of(new SourceObject("node/2", null, -179.9999999, -89.99999995, tags)));
        assertEquals("7334821429a99561be94ccfc7b8d6f9b", hashes.of(new SourceObject("node/3", null, 0.0, -0.0, Map.of())));
    }

    @Test
    void sameAsTheReferenceOnRandomObjects() throws Exception {
        Random random = new Random(7);
        char[] alphabet = "ab:_Z09 ;é€\u0001\u0002\ud83d\ude00\ud800\udfff".toCharArray();
        double[] coordinates = {0, -0.0, 1e-8, -1e-8, 0.00000005, -0.00000005, 179.99999995, -180, 90, 1e300, -1e300,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE};
        for (int i = 0; i < 5000; i++) {
            Map<String, String> tags = new HashMap<>();
            for (int t = random.nextInt(20); t > 0; t--) {
                tags.put(RandomTexts.random(random, alphabet, 12), RandomTexts.random(random, alphabet, 30));
            }
            if (random.nextInt(10) == 0) {
                tags.put("null value", null);
            }
            double lon = i < coordinates.length ? coordinates[i] : random.nextDouble() * 360 - 180;
            double lat = i < coordinates.length ? coordinates[coordinates.length - 1 - i] : random.nextDouble() * 180 - 90;
            SourceObject o = new SourceObject("node/" + i, null, lon, lat, tags);
            assertEquals(reference(o), hashes.of(o), o.toString());
        }
    }
}
