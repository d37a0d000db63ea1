package org.vigie.importer;

import java.util.Random;

/** Texts of random length drawn from a given alphabet (odd characters, lone surrogates), for encoding tests. */
final class RandomTexts {

    private RandomTexts() {
    }

    static String random(Random random, char[] alphabet, int maxLength) {
        char[] text = new char[random.nextInt(maxLength)];
        for (int i = 0; i < text.length; i++) {
            text[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(text);
    }
}
