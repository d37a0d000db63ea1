package org.vigie.common.geo;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The map's coordinates are the same text as Jackson's {@code Double.toString} of the rounded double. */
class CoordinateTextTest {

    @Test
    void everyCoordinateOfDenseRangesIsTheTextOfItsDouble() {
        // central Paris, the switch to exponent notation at 0.001°, whole degrees and the antimeridian
        long[][] ranges = {{23_000_000L, 23_600_000L}, {488_500_000L, 488_700_000L}, {-10_100L, 10_100L},
                {-200_000L, -9_900L}, {99_990_000L, 100_010_000L}, {1_799_990_000L, 1_800_000_000L},
                {-1_800_000_000L, -1_799_990_000L}};
        for (long[] range : ranges) {
            for (long n = range[0]; n <= range[1]; n++) {
                check(n);
            }
        }
    }

    @Test
    void randomCoordinatesAreTheTextOfTheirDouble() {
        SplittableRandom random = new SplittableRandom(7946);
        for (int i = 0; i < 2_000_000; i++) {
            check(random.nextLong(-1_800_000_000L, 1_800_000_001L));
        }
    }

    @Test
    void roundsToTheNearestTenMillionth() {
        assertEquals(23_522_000L, CoordinateText.tenMillionths(2.35220004));
        assertEquals(-23_522_001L, CoordinateText.tenMillionths(-2.35220006));
        assertEquals(0L, CoordinateText.tenMillionths(-0.00000004));
    }

    private static void check(long n) {
        char[] text = new char[CoordinateText.MAX_LENGTH];
        int length = CoordinateText.write(n, text);
        String expected = Double.toString(n / 1e7);
        if (length == 0) {
            assertTrue(Math.abs(n) < 10_000, "only under 0.001° is left to Double.toString: " + expected);
        } else {
            assertEquals(expected, new String(text, 0, length), "n = " + n);
        }
    }
}
