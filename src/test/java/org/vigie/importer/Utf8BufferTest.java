package org.vigie.importer;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class Utf8BufferTest {

    private static byte[] written(Utf8Buffer b) {
        return Arrays.copyOf(b.array(), b.length());
    }

    @Test
    void encodesAsStringGetBytesDoes() {
        Utf8Buffer buffer = new Utf8Buffer(1);
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            all.append(c);
        }
        String[] texts = {"", "plain", "é€😀", "\ud800", "x\udc00", "\ud83d\ude00\ud83d", "\udc00\ud800", all.toString()};
        for (String text : texts) {
            buffer.clear();
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), written(buffer.utf8(text)), text);
        }
        Random random = new Random(3);
        char[] alphabet = "a\u0080\u07ff\u0800\ud7ff\ud800\udbff\udc00\udfff\ue000\uffff".toCharArray();
        for (int i = 0; i < 5000; i++) {
            String text = TagsJsonTest.random(random, alphabet, 20);
            buffer.clear();
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), written(buffer.utf8(text)), text);
        }
    }

    @Test
    void decimalsAsStringBuilderWritesThem() {
        Utf8Buffer buffer = new Utf8Buffer(4);
        long[] values = {0, 1, -1, 9, 10, -10, 99, 100, 1799999999, -1800000000, 999_999_999_999_999_999L,
                1_000_000_000_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
        for (long value : values) {
            buffer.clear();
            assertEquals(Long.toString(value), new String(written(buffer.decimal(value)), StandardCharsets.US_ASCII));
        }
        Random random = new Random(5);
        for (int i = 0; i < 10_000; i++) {
            long value = random.nextLong() >> random.nextInt(64);
            buffer.clear();
            assertEquals(Long.toString(value), new String(written(buffer.decimal(value)), StandardCharsets.US_ASCII));
        }
    }

    /** Texts met again (the same String objects, as a PBF block's tags) are copied from what was kept: the same bytes. */
    @Test
    void textsMetAgainGiveTheSameBytes() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper jackson = new com.fasterxml.jackson.databind.ObjectMapper();
        Random random = new Random(17);
        char[] alphabet = "ab\"\\\n\u0001é€\ud83d\ude00\ud800".toCharArray();
        String[] texts = new String[3000]; // more than the cache's slots: some share a slot
        for (int i = 0; i < texts.length; i++) {
            texts[i] = i % 100 == 0 ? "long ".repeat(20) + i : TagsJsonTest.random(random, alphabet, 12) + i;
        }
        Utf8Buffer buffer = new Utf8Buffer(16);
        for (int round = 0; round < 20_000; round++) {
            String text = texts[random.nextInt(round % 2 == 0 ? 50 : texts.length)];
            buffer.clear();
            buffer.add('[');
            if (random.nextBoolean()) {
                assertArrayEquals(("[" + text).getBytes(StandardCharsets.UTF_8), written(buffer.utf8(text)), text);
            } else {
                byte[] json = jackson.writeValueAsBytes(text);
                byte[] expected = new byte[json.length + 1];
                expected[0] = '[';
                System.arraycopy(json, 0, expected, 1, json.length);
                assertArrayEquals(expected, written(buffer.jsonString(text)), text);
            }
        }
    }
}
