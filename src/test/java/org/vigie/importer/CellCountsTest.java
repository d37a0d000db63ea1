package org.vigie.importer;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CellCountsTest {

    @Test
    void countsAndSumsPerCellAsAMapWould() {
        CellCounts cells = new CellCounts();
        Map<List<Integer>, long[]> expected = new HashMap<>();
        Random random = new Random(11);
        int bound = 1 << 19;
        for (int i = 0; i < 200_000; i++) {
            // crowded cells, and cells all over the key space (its edges too), so that the table grows several times
            int cx = i % 3 == 0 ? random.nextInt(40) - 20 : random.nextInt(2 * bound) - bound;
            int cy = i % 3 == 0 ? random.nextInt(40) - 20 : (i % 7 == 0 ? bound - 1 : random.nextInt(2 * bound) - bound);
            short attrs = (short) (i % 5 == 0 ? 1023 : random.nextInt(720));
            long sx = random.nextLong() >> 8;
            long sy = random.nextLong() >> 8;
            cells.add(cx, cy, attrs, 1 + i % 3, sx, sy);
            long[] e = expected.computeIfAbsent(List.of(cx, cy, (int) attrs), k -> new long[3]);
            e[0] += 1 + i % 3;
            e[1] += sx;
            e[2] += sy;
        }
        Map<List<Integer>, long[]> counted = new HashMap<>();
        for (int slot = cells.firstSlot(); slot >= 0; slot = cells.nextSlot(slot)) {
            long[] previous = counted.put(List.of(cells.cx(slot), cells.cy(slot), (int) cells.attrs(slot)),
                    new long[] {cells.n(slot), cells.sumX(slot), cells.sumY(slot)});
            assertEquals(null, previous, "a cell in two slots");
        }
        assertEquals(expected.size(), cells.size());
        assertEquals(expected.keySet(), counted.keySet());
        expected.forEach((cell, sums) -> assertArrayEquals(sums, counted.get(cell), cell.toString()));
    }

    @Test
    void cellsOutOfTheKeysRangeAreRefused() {
        CellCounts cells = new CellCounts();
        assertThrows(IllegalArgumentException.class, () -> cells.add(1 << 19, 0, (short) 0, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> cells.add(0, -(1 << 19) - 1, (short) 0, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> cells.add(0, 0, (short) 1024, 1, 0, 0));
        assertEquals(-1, cells.firstSlot());
    }
}
