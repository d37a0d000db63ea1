package org.vigie.importer.list;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Separators, quotes, encodings: the CSV that French open data and spreadsheets write. */
class CsvTextTest {

    @Test
    void theSeparatorIsTheHeadersMostFrequentOutsideQuotes() {
        assertEquals(';', CsvText.separator("a;b;c\n1,5;2,5;3"));
        assertEquals(',', CsvText.separator("\"a;b\",c,d\n"));
        assertEquals('\t', CsvText.separator("a\tb\tc"));
        assertEquals(';', CsvText.separator("single"));
    }

    @Test
    void quotedFieldsHoldSeparatorsQuotesAndLineBreaks() {
        List<CsvText.Record> records = CsvText.records("a;b\r\n\"x;y\";\"say \"\"hi\"\"\nthen\"\r\n\r\n1;2", ';');
        assertEquals(3, records.size());
        assertEquals(List.of("x;y", "say \"hi\"\nthen"), records.get(1).fields());
        assertEquals(2, records.get(1).line());
        assertEquals(5, records.get(2).line());
        assertEquals("", records.get(2).get(7));
    }

    @Test
    void utf8IsReadAsSuchAndAnythingElseAsWindows1252() {
        assertEquals("Évry", CsvText.decode("\uFEFFÉvry".getBytes(StandardCharsets.UTF_8)));
        assertEquals("Évry – 5 €", CsvText.decode(new byte[] {(byte) 0xC9, 'v', 'r', 'y', ' ', (byte) 0x96, ' ', '5', ' ', (byte) 0x80}));
    }
}
