package org.vigie.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The tags' JSON must be what Jackson wrote before, byte for byte (the stored jsonb is parsed from it). */
class TagsJsonTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    private final TagsJson json = new TagsJson();

    private void assertSameAsJackson(Map<String, String> tags) throws Exception {
        Utf8Buffer out = json.of(tags);
        assertArrayEquals(JACKSON.writeValueAsBytes(tags), Arrays.copyOf(out.array(), out.length()), tags.toString());
    }

    @Test
    void plainTags() throws Exception {
        assertSameAsJackson(Map.of());
        assertSameAsJackson(new HashMap<>(Map.of("man_made", "surveillance", "camera:type", "dome", "operator", "Ville 38")));
    }

    @Test
    void quotesBackslashesControlsAndNonAscii() throws Exception {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("name", "Caméra \"du\" parc \\ / ñ € 😀");
        tags.put("key \"quoted\"", "line\nbreak\ttab\rcr\bbs\ffeed \u0001\u001f\u007f\u0080\u07ff\u0800\u2028\u2029\ufffd\uffff");
        tags.put("emoji😀key", "");
        tags.put("lone surrogates", "\ud800 \udc00x \ud83d");
        tags.put("nothing", null);
        assertSameAsJackson(tags);
    }

    @Test
    void everyCharacterAsJacksonEscapesIt() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            all.append(c);
            if (all.length() == 512) {
                assertSameAsJackson(Map.of("k" + (int) c, all.toString()));
                all.setLength(0);
            }
        }
        assertSameAsJackson(Map.of("k", all.append(Character.MAX_VALUE).toString()));
    }

    @Test
    void randomTexts() throws Exception {
        Random random = new Random(42);
        char[] alphabet = "aZ09 \"\\/\n\t\u0000\u0005\u007fé€\ud83d\ude00\ud800\udfff".toCharArray();
        for (int i = 0; i < 2000; i++) {
            Map<String, String> tags = new HashMap<>();
            for (int t = random.nextInt(8); t >= 0; t--) {
                tags.put(random(random, alphabet, 10), random(random, alphabet, 40));
            }
            assertSameAsJackson(tags);
        }
    }

    @Test
    void theBufferIsReusedAndGrows() throws Exception {
        String big = "x".repeat(5000) + "é";
        assertSameAsJackson(Map.of("big", big));
        assertSameAsJackson(Map.of("a", "b"));
        assertEquals("{\"a\":\"b\"}", new String(json.of(Map.of("a", "b")).array(), 0, 9, "UTF-8"));
    }

    static String random(Random random, char[] alphabet, int maxLength) {
        char[] text = new char[random.nextInt(maxLength)];
        for (int i = 0; i < text.length; i++) {
            text[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(text);
    }
}
