package org.vigie.importer;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TextValuesTest {

    @Test
    void joinKeepsTheNonBlankDistinctPartsInOrder() {
        assertNull(TextValues.join(null, null));
        assertNull(TextValues.join(" ", null, ""));
        assertEquals("Mairie", TextValues.join(null, " Mairie "));
        assertEquals("Mairie — parvis", TextValues.join("Mairie", "parvis", "Mairie "));
    }

    /** A trailing ";" adds an empty part, which is dropped: "v;" takes the general path that "v" may skip. */
    @Test
    void oneValueGivesWhatTheGeneralPathGives() {
        String[] values = {"", " ", "dome", "Dome", " dome ", "DOME\t", "\u00a0dome", "dome\u2003", "\u0130stanbul", "\u212a",
                "stra\u00dfe", "\u00c9COLE", "a,b", "x y", "\u0000", "\ud83d\ude00", "\ud800"};
        for (String value : values) {
            assertEquals(TextValues.list(value + ";"), TextValues.list(value), value);
        }
        assertEquals(List.of("dome"), TextValues.list(" DOME "));
        assertEquals(List.of(), TextValues.list(" "));
    }

    @Test
    void trimmedLowerCaseIsStripThenToLowerCase() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            String one = String.valueOf(c);
            for (String value : new String[] {one, "a" + one, one + "z", "x" + one + "y", one + one}) {
                assertEquals(value.strip().toLowerCase(java.util.Locale.ROOT), TextValues.trimmedLowerCase(value), "U+" + (int) c);
            }
            every.append(c);
        }
        assertEquals(every.toString().strip().toLowerCase(java.util.Locale.ROOT), TextValues.trimmedLowerCase(every.toString()));
        assertEquals("", TextValues.trimmedLowerCase(""));
    }
}
