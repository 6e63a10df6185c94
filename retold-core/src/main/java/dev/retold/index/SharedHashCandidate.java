package dev.retold.index;

/**
 * Two documents that share at least a minimum number of indexed hashes (shingles, or top terms), by
 * id, the smaller first; from {@link SharedHashIndex}.
 *
 * @param a the smaller document id, at least 0
 * @param b the larger document id
 * @param sharedHashes how many indexed hashes both have, at least 1
 */
public record SharedHashCandidate(int a, int b, int sharedHashes) {
  /** Checks {@code 0 <= a < b} and {@code sharedHashes > 0}. */
  public SharedHashCandidate {
    if (a < 0) {
      throw new IllegalArgumentException("a must be >= 0: " + a);
    }
    if (a >= b) {
      throw new IllegalArgumentException("a must be < b: " + a + ", " + b);
    }
    if (sharedHashes <= 0) {
      throw new IllegalArgumentException("sharedHashes must be > 0: " + sharedHashes);
    }
  }

  /** The pair without the count. */
  public CandidatePair pair() {
    return new CandidatePair(a, b);
  }
}
