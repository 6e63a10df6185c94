package dev.retold.scan;

/**
 * A set of {@code long}s, open addressing in one array, for the first pass's record of the words
 * hashes it has seen (a million articles cost 16 MB here, several times that as boxed longs). 0 is
 * not a member. Not thread-safe.
 */
final class LongSet {
  private long[] slots = new long[16];
  private int size;

  /**
   * Adds {@code value}.
   *
   * @return whether it was not in the set before
   * @throws IllegalArgumentException if {@code value} is 0
   */
  boolean add(long value) {
    if (value == 0) {
      throw new IllegalArgumentException("0 is not a member");
    }
    if (2 * (size + 1) > slots.length) {
      grow();
    }
    if (!insert(slots, value)) {
      return false;
    }
    size++;
    return true;
  }

  /** How many values the set holds. */
  int size() {
    return size;
  }

  private static boolean insert(long[] table, long value) {
    int mask = table.length - 1;
    long z = value * 0x9E3779B97F4A7C15L;
    int slot = (int) (z ^ (z >>> 32)) & mask;
    while (table[slot] != 0) {
      if (table[slot] == value) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    table[slot] = value;
    return true;
  }

  private void grow() {
    long[] larger = new long[slots.length * 2];
    for (long value : slots) {
      if (value != 0) {
        insert(larger, value);
      }
    }
    slots = larger;
  }
}
