package dev.retold.index;

import java.util.Arrays;

/**
 * Counts per document pair, in an open-addressing hash table of primitive arrays (no boxing): the
 * pair {@code (a, b)} with {@code 0 <= a < b} is the key {@code (long) a << 32 | b}. Not
 * thread-safe.
 */
final class PairCounts {
  private static final long FREE = -1L;
  private static final double MAX_LOAD = 0.6;

  private long[] keys;
  private int[] counts;
  private int size;
  private int resizeAt;

  PairCounts() {
    allocate(1 << 10);
  }

  static long key(int a, int b) {
    return (long) a << 32 | b;
  }

  static int first(long key) {
    return (int) (key >>> 32);
  }

  static int second(long key) {
    return (int) key;
  }

  /** Adds one to the count of {@code (a, b)}, {@code 0 <= a < b}. */
  void increment(int a, int b) {
    long key = key(a, b);
    int mask = keys.length - 1;
    int slot = slot(key, mask);
    while (true) {
      long found = keys[slot];
      if (found == key) {
        counts[slot]++;
        return;
      }
      if (found == FREE) {
        keys[slot] = key;
        counts[slot] = 1;
        if (++size >= resizeAt) {
          grow();
        }
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** How many pairs have a count. */
  int size() {
    return size;
  }

  /** The keys of the pairs counted at least {@code minCount} times, sorted. */
  long[] keysCountedAtLeast(int minCount) {
    long[] selected = new long[size];
    int n = 0;
    for (int slot = 0; slot < keys.length; slot++) {
      if (keys[slot] != FREE && counts[slot] >= minCount) {
        selected[n++] = keys[slot];
      }
    }
    selected = Arrays.copyOf(selected, n);
    Arrays.sort(selected);
    return selected;
  }

  /** The count of {@code key}, 0 if never incremented. */
  int count(long key) {
    int mask = keys.length - 1;
    for (int slot = slot(key, mask); keys[slot] != FREE; slot = (slot + 1) & mask) {
      if (keys[slot] == key) {
        return counts[slot];
      }
    }
    return 0;
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    Arrays.fill(keys, FREE);
    counts = new int[capacity];
    resizeAt = (int) (capacity * MAX_LOAD);
  }

  private void grow() {
    if (keys.length >= 1 << 30) {
      throw new IllegalStateException("too many candidate pairs: " + size);
    }
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    allocate(keys.length * 2);
    int mask = keys.length - 1;
    for (int old = 0; old < oldKeys.length; old++) {
      if (oldKeys[old] != FREE) {
        int slot = slot(oldKeys[old], mask);
        while (keys[slot] != FREE) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[old];
        counts[slot] = oldCounts[old];
      }
    }
  }
}
