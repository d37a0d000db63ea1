package org.vigie.importer.osm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectionParserTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "90|90", "0|0", "359|359", "360|0", "45.6|46", "-120|240", "-10|350",
            "N|0", "NNE|23", "NE|45", "E|90", "SE|135", "S|180", "SW|225", "W|270", "WNW|293", "NW|315", "nw|315",
            "south|180", "West|270",
            "0;90;180;270|0 90 180 270", "90 ; 270|90 270", "SE;NW|135 315"})
    void readsBearings(String value, String expected) {
        DirectionParser.Directions d = DirectionParser.parse(value).orElseThrow();
        assertEquals(ints(expected), d.bearings());
        assertEquals(0, d.sweep());
    }

    @ParameterizedTest(name = "{0} -> {1} sweeping {2}")
    @CsvSource(delimiter = '|', value = {"0-90|45|90", "180-360|270|180", "270-90|0|180", "100 - 120|110|20"})
    void rangesGiveTheirMiddleAndWidenTheView(String value, int bearing, int sweep) {
        DirectionParser.Directions d = DirectionParser.parse(value).orElseThrow();
        assertEquals(List.of(bearing), d.bearings());
        assertEquals(sweep, d.sweep());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 - 360", "0-360", "90-90"})
    void aFullTurnIsAllAround(String value) {
        DirectionParser.Directions d = DirectionParser.parse(value).orElseThrow();
        assertTrue(d.allAround());
        assertEquals(List.of(), d.bearings());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixme", "unknown", "forward", "400", "-500", "90;fixme", "12a", " ", "0-500"})
    void nonsenseIsNotGuessed(String value) {
        assertTrue(DirectionParser.parse(value).isEmpty(), value);
    }

    @Test
    void nullIsNothing() {
        assertTrue(DirectionParser.parse(null).isEmpty());
    }

    private static List<Integer> ints(String spaced) {
        return Arrays.stream(spaced.split(" ")).map(Integer::valueOf).toList();
    }

    /** A trailing ";" adds an empty part, which the parser drops: "v;" takes the general path that "v" may skip. */
    @Test
    void plainNumbersGiveWhatTheGeneralPathGives() {
        char[] alphabet = "0123456789- .+;nN".toCharArray();
        List<String> values = new java.util.ArrayList<>(List.of("-", "--1", "1-", "0000", "-0000", "-360", "-361", "360", "361",
                "999", "-999", "007", "-0", "\u0669\u0660", "\uff19\uff10"));
        for (int length = 1; length <= 4; length++) {
            addAll(values, "", alphabet, length);
        }
        for (String value : values) {
            if (!value.isBlank() && !value.endsWith(";")) {
                assertEquals(DirectionParser.parse(value + ";"), DirectionParser.parse(value), value);
            }
        }
        assertEquals(List.of(275), DirectionParser.parse("275").orElseThrow().bearings());
        assertEquals(List.of(0), DirectionParser.parse("-360").orElseThrow().bearings());
        assertTrue(DirectionParser.parse("361").isEmpty());
        assertTrue(DirectionParser.parse("0090").isEmpty());
    }

    private static void addAll(List<String> values, String prefix, char[] alphabet, int length) {
        if (length == 0) {
            values.add(prefix);
            return;
        }
        for (char c : alphabet) {
            addAll(values, prefix + c, alphabet, length - 1);
        }
    }
}
