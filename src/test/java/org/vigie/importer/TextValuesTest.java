package org.vigie.importer;

import org.junit.jupiter.api.Test;

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
}
