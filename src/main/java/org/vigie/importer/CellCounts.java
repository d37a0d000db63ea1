package org.vigie.importer;

import java.util.Arrays;

/**
 * Counts and position sums per cluster cell (cx, cy, attribute code), in an open-addressing hash
 * table of primitive arrays: a million cells take about 64 MB instead of the several hundred a map
 * of boxed keys would. A cell's key packs cx and cy (20 bits each, offset so that they are never
 * negative: the deepest level's cells lie within ±2^15) and the code (10 bits, 720 codes).
 */
final class CellCounts {

    private static final int OFFSET = 1 << 19;
    private static final long EMPTY = -1;

    private long[] keys;
    private long[] n;
    private long[] sumX;
    private long[] sumY;
    private int size;

    CellCounts() {
        allocate(1 << 12);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        n = new long[capacity];
        sumX = new long[capacity];
        sumY = new long[capacity];
        size = 0;
    }

    void add(int cx, int cy, short attrs, long count, long sx, long sy) {
        if (cx < -OFFSET || cx >= OFFSET || cy < -OFFSET || cy >= OFFSET || attrs < 0 || attrs >= 1024) {
            throw new IllegalArgumentException("cell out of range: " + cx + ", " + cy + ", " + attrs);
        }
        long key = ((long) (cx + OFFSET) << 30) | ((long) (cy + OFFSET) << 10) | attrs;
        int slot = slotOf(key);
        if (keys[slot] == EMPTY) {
            if ((size + 1) * 10L > keys.length * 7L) {
                grow();
                slot = slotOf(key);
            }
            keys[slot] = key;
            size++;
        }
        n[slot] += count;
        sumX[slot] += sx;
        sumY[slot] += sy;
    }

    /** The slot holding {@code key}, or the empty one where it goes (linear probing). */
    private int slotOf(long key) {
        int mask = keys.length - 1;
        int slot = (int) mix(key) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldN = n;
        long[] oldX = sumX;
        long[] oldY = sumY;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slotOf(oldKeys[i]);
                keys[slot] = oldKeys[i];
                n[slot] = oldN[i];
                sumX[slot] = oldX[i];
                sumY[slot] = oldY[i];
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
        for (int i = slot + 1; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
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
        for (long key : keys) {
            if (key != EMPTY) {
                sorted[i++] = key;
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
        return (int) (keys[slot] >>> 30) - OFFSET;
    }

    int cy(int slot) {
        return (int) ((keys[slot] >>> 10) & 0xFFFFF) - OFFSET;
    }

    short attrs(int slot) {
        return (short) (keys[slot] & 0x3FF);
    }

    long n(int slot) {
        return n[slot];
    }

    long sumX(int slot) {
        return sumX[slot];
    }

    long sumY(int slot) {
        return sumY[slot];
    }
}
