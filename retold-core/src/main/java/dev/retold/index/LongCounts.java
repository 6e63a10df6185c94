package dev.retold.index;

import java.util.Arrays;

/**
 * Counts per 64-bit key in an open-addressing hash table of primitive arrays: no boxing, about 12
 * bytes a key at most 60% full. Used by {@link BandedLshIndex} for document pairs (the key {@link
 * CandidatePair#key}), and by the story index's placing for the terms of the articles it places.
 * Every long is a valid key. Not thread-safe.
 */
public final class LongCounts {
  private static final long FREE = 0L;
  private static final double MAX_LOAD = 0.6;

  private long[] keys;
  private int[] counts;
  private int size;
  private int resizeAt;
  private int countOfFree; // the count of key 0, which marks free slots in the table

  /** An empty table. */
  public LongCounts() {
    allocate(1 << 10);
  }

  /** Adds one to the count of {@code key}. */
  public void increment(long key) {
    add(key, 1);
  }

  /** Adds {@code delta} to the count of {@code key}. */
  void add(long key, int delta) {
    if (key == FREE) {
      if (countOfFree == 0) {
        size++;
      }
      countOfFree += delta;
      return;
    }
    int mask = keys.length - 1;
    int slot = slot(key, mask);
    while (true) {
      long found = keys[slot];
      if (found == key) {
        counts[slot] += delta;
        return;
      }
      if (found == FREE) {
        keys[slot] = key;
        counts[slot] = delta;
        if (++size >= resizeAt) {
          grow();
        }
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** How many keys have a count. */
  int size() {
    return size;
  }

  /** The keys counted at least {@code minCount} times, sorted. */
  long[] keysCountedAtLeast(int minCount) {
    long[] selected = new long[size];
    int n = 0;
    if (countOfFree > 0 && countOfFree >= minCount) {
      selected[n++] = FREE;
    }
    for (int slot = 0; slot < keys.length; slot++) {
      if (keys[slot] != FREE && counts[slot] >= minCount) {
        selected[n++] = keys[slot];
      }
    }
    selected = Arrays.copyOf(selected, n);
    Arrays.sort(selected);
    return selected;
  }

  /** The count of {@code key}, 0 if never counted. */
  public int count(long key) {
    if (key == FREE) {
      return countOfFree;
    }
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
    counts = new int[capacity];
    resizeAt = (int) (capacity * MAX_LOAD);
  }

  private void grow() {
    if (keys.length >= 1 << 30) {
      throw new IllegalStateException("too many keys to count: " + size);
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
