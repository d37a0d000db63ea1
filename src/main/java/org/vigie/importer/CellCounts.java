package org.vigie.importer;

import java.util.Arrays;

/**
 * Counts and position sums per cluster cell (cx, cy, attribute code), in an open-addressing hash
 * table of primitive longs: a million cells take about 64 MB instead of the several hundred a map
 * of boxed keys would. A cell's key packs cx and cy (20 bits each, offset so that they are never
 * negative: the deepest level's cells lie within ±2^15) and the code (10 bits, 720 codes). A slot's
 * key, count and sums lie side by side, so that a camera's count touches one cache line, not four.
 */
final class CellCounts {

    private static final int OFFSET = 1 << 19;
    private static final long EMPTY = -1;
    /** Each slot's longs: the key, the count, the sum of x, the sum of y. */
    private static final int KEY = 0;
    private static final int N = 1;
    private static final int SUM_X = 2;
    private static final int SUM_Y = 3;
    private static final int WIDTH = 4;

    private long[] table;
    private int capacity;
    private int size;

    CellCounts() {
        allocate(1 << 12);
    }

    private void allocate(int slots) {
        table = new long[slots * WIDTH];
        capacity = slots;
        for (int slot = 0; slot < slots; slot++) {
            table[slot * WIDTH + KEY] = EMPTY;
        }
        size = 0;
    }

    void add(int cx, int cy, short attrs, long count, long sx, long sy) {
        if (cx < -OFFSET || cx >= OFFSET || cy < -OFFSET || cy >= OFFSET || attrs < 0 || attrs >= 1024) {
            throw new IllegalArgumentException("cell out of range: " + cx + ", " + cy + ", " + attrs);
        }
        long key = ((long) (cx + OFFSET) << 30) | ((long) (cy + OFFSET) << 10) | attrs;
        int at = slotOf(key) * WIDTH;
        if (table[at + KEY] == EMPTY) {
            if ((size + 1) * 10L > capacity * 7L) {
                grow();
                at = slotOf(key) * WIDTH;
            }
            table[at + KEY] = key;
            size++;
        }
        table[at + N] += count;
        table[at + SUM_X] += sx;
        table[at + SUM_Y] += sy;
    }

    /** The slot holding {@code key}, or the empty one where it goes (linear probing). */
    private int slotOf(long key) {
        int mask = capacity - 1;
        int slot = (int) mix(key) & mask;
        while (table[slot * WIDTH + KEY] != EMPTY && table[slot * WIDTH + KEY] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }

    private void grow() {
        long[] old = table;
        allocate(capacity * 2);
        for (int from = 0; from < old.length; from += WIDTH) {
            if (old[from + KEY] != EMPTY) {
                int to = slotOf(old[from + KEY]) * WIDTH;
                System.arraycopy(old, from, table, to, WIDTH);
                size++;
            }
        }
    }

    int size() {
        return size;
    }

    /** The first occupied slot, or -1; then {@link #nextSlot}. */
    int firstSlot() {
        return nextSlot(-1);
    }

    int nextSlot(int slot) {
        for (int i = slot + 1; i < capacity; i++) {
            if (table[i * WIDTH + KEY] != EMPTY) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The occupied slots in key order (cx, then cy, then the code), so that rows written in this order
     * reach the key's build already sorted.
     */
    int[] slotsInKeyOrder() {
        long[] sorted = new long[size];
        int i = 0;
        for (int at = KEY; at < table.length; at += WIDTH) {
            if (table[at] != EMPTY) {
                sorted[i++] = table[at];
            }
        }
        Arrays.sort(sorted);
        int[] slots = new int[size];
        for (i = 0; i < size; i++) {
            slots[i] = slotOf(sorted[i]);
        }
        return slots;
    }

    int cx(int slot) {
        return (int) (table[slot * WIDTH + KEY] >>> 30) - OFFSET;
    }

    int cy(int slot) {
        return (int) ((table[slot * WIDTH + KEY] >>> 10) & 0xFFFFF) - OFFSET;
    }

    short attrs(int slot) {
        return (short) (table[slot * WIDTH + KEY] & 0x3FF);
    }

    long n(int slot) {
        return table[slot * WIDTH + N];
    }

    long sumX(int slot) {
        return table[slot * WIDTH + SUM_X];
    }

    long sumY(int slot) {
        return table[slot * WIDTH + SUM_Y];
    }
}
