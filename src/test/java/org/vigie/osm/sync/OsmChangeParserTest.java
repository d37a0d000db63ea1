package org.vigie.osm.sync;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reading of an osmChange file alone, without the app: times read digit by digit, ways' nodes. */
class OsmChangeParserTest {

    @Test
    void timesReadDigitByDigitAreTheTimesInstantParseReads() {
        for (String time : List.of("2024-05-01T12:34:56Z", "1970-01-01T00:00:00Z", "2000-02-29T23:59:59Z",
                "2026-12-31T23:59:59Z", "2012-06-30T23:59:60Z", "2024-05-01T12:34:56.5Z", "2024-05-01T12:34:56+02:00")) {
            assertEquals(Instant.parse(time), OsmChangeParser.time(time), time);
        }
        for (String wrong : List.of("2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z",
                "2024-05-0xT00:00:00Z", "2024-05-01 12:34:56Z", "yesterday")) {
            assertThrows(DateTimeParseException.class, () -> OsmChangeParser.time(wrong), wrong);
        }
    }

    @Test
    void aDiffKeepsItsNewestTimeAndItsWaysNodesInOrder() {
        StringBuilder nodes = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            nodes.append("<nd ref=\"").append(1000 + i).append("\"/>");
        }
        String xml = "<?xml version=\"1.0\"?>\n<osmChange version=\"0.6\">"
                + "<create><node id=\"1\" version=\"1\" timestamp=\"2024-05-01T12:00:00Z\" lat=\"48.85\" lon=\"2.35\"/></create>"
                + "<modify><way id=\"2\" version=\"3\" timestamp=\"2024-05-01T12:00:59Z\">" + nodes
                + "<tag k=\"man_made\" v=\"surveillance\"/></way></modify>"
                + "<delete><node id=\"3\" version=\"2\" timestamp=\"2024-05-01T11:59:00Z\"/></delete></osmChange>";
        OsmChange diff = OsmChangeParser.parse(xml.getBytes(StandardCharsets.UTF_8), "test.osc");
        assertEquals(Instant.parse("2024-05-01T12:00:59Z"), diff.newest());
        assertEquals(3, diff.elements().size());
        long[] expected = new long[20];
        for (int i = 0; i < 20; i++) {
            expected[i] = 1001 + i;
        }
        assertArrayEquals(expected, diff.elements().get(1).nodes());
        assertEquals(0, diff.elements().get(0).nodes().length);
    }

    @Test
    void anImpossibleTimeRefusesTheWholeFile() {
        String xml = "<?xml version=\"1.0\"?>\n<osmChange version=\"0.6\"><create>"
                + "<node id=\"1\" version=\"1\" timestamp=\"2024-02-30T12:00:00Z\" lat=\"48.85\" lon=\"2.35\"/></create></osmChange>";
        MalformedDiff refused = assertThrows(MalformedDiff.class,
                () -> OsmChangeParser.parse(xml.getBytes(StandardCharsets.UTF_8), "bad.osc"));
        assertTrue(refused.getMessage().contains("nothing of it was applied"), refused.getMessage());
    }
}
