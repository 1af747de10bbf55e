package org.devolve.tally;

/**
 * Voter id → row: an open-addressing hash table of strings to ints, sized once, with no boxing and no entry
 * objects. Resolving delegates and finding duplicate voters among a million ids is its whole job; a
 * {@code HashMap<String, Integer>} spends most of that time allocating.
 */
final class StringIndex {

    private final String[] keys;
    private final int[] values;
    private final int mask;

    /** An index for up to {@code expected} keys (the table is at most half full). */
    StringIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        keys = new String[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    /** Stores {@code key → value} unless the key is there; returns the earlier value, or -1 when new. */
    int putIfAbsent(String key, int value) {
        int i = spread(key.hashCode()) & mask;
        while (keys[i] != null) {
            if (keys[i].equals(key)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        return -1;
    }

    /** The value of {@code key}, or -1. */
    int get(String key) {
        int i = spread(key.hashCode()) & mask;
        while (keys[i] != null) {
            if (keys[i].equals(key)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        return h ^ (h >>> 13);
    }
}
