package dev.retold.scan;

import dev.retold.ArticlePair;
import java.util.Arrays;
import java.util.List;

/**
 * Reported pairs by their pair key ({@code a << 32 | b} of the two articles' indexes), sorted by
 * key, which is by the two ids: the copy pairs a scan verified, or the same-story pairs whose
 * evidence it found. Immutable.
 */
final class PairTable {
  private final long[] keys;
  private final ArticlePair[] pairs;

  /** Takes the arrays, which the caller gives up: {@code keys} sorted and distinct. */
  PairTable(long[] keys, ArticlePair[] pairs) {
    if (keys.length != pairs.length) {
      throw new IllegalArgumentException("one pair per key");
    }
    for (int i = 1; i < keys.length; i++) {
      if (keys[i] <= keys[i - 1]) {
        throw new IllegalArgumentException("keys must be sorted and distinct; " + i + " is not");
      }
    }
    this.keys = keys;
    this.pairs = pairs;
  }

  /** How many pairs. */
  int size() {
    return keys.length;
  }

  /** The key of pair {@code i}. */
  long key(int i) {
    return keys[i];
  }

  /** Pair {@code i}. */
  ArticlePair pair(int i) {
    return pairs[i];
  }

  /** Whether a pair has this key. */
  boolean contains(long key) {
    return Arrays.binarySearch(keys, key) >= 0;
  }

  /** The pair with this key, or null. */
  ArticlePair get(long key) {
    int i = Arrays.binarySearch(keys, key);
    return i >= 0 ? pairs[i] : null;
  }

  /** The pairs, by key. */
  List<ArticlePair> pairs() {
    return List.of(pairs);
  }
}
