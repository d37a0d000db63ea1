package org.vigie.importer;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class BinaryCopyTest {

    /** A text field as COPY's binary format has it: its length in 4 bytes, then its UTF-8 bytes (String.getBytes's). */
    private static byte[] field(String text) {
        if (text == null) {
            return new byte[] {-1, -1, -1, -1};
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + utf8.length).putInt(utf8.length).put(utf8).array();
    }

    @Test
    void textIsEncodedInPlaceAsStringGetBytesEncodesIt() {
        BinaryCopy copy = new BinaryCopy(8);
        String[] texts = {null, "", "node/42", "Caméra 😀 €", "\ud800", "a\udc00b", "\ud83d\ude00\ud83d", "x".repeat(70_000) + "é"};
        for (String text : texts) {
            assertArrayEquals(field(text), copy.text(text).take(), String.valueOf(text).length() + " chars");
        }
        Random random = new Random(9);
        char[] alphabet = "a\u0000\u007f\u0080\u07ff\u0800\ud7ff\ud800\udbff\udc00\udfff\ue000\uffff".toCharArray();
        for (int i = 0; i < 3000; i++) {
            String text = RandomTexts.random(random, alphabet, 30);
            assertArrayEquals(field(text), copy.text(text).take(), text);
        }
    }
}
