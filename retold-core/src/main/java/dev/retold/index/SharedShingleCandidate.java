package dev.retold.index;

/**
 * Two documents that share at least a minimum number of indexed shingles, by id, the smaller first;
 * from {@link SharedShingleIndex}.
 *
 * @param a the smaller document id, at least 0
 * @param b the larger document id
 * @param sharedShingles how many indexed shingles both have, at least 1
 */
public record SharedShingleCandidate(int a, int b, int sharedShingles) {
  /** Checks {@code 0 <= a < b} and {@code sharedShingles > 0}. */
  public SharedShingleCandidate {
    if (a < 0) {
      throw new IllegalArgumentException("a must be >= 0: " + a);
    }
    if (a >= b) {
      throw new IllegalArgumentException("a must be < b: " + a + ", " + b);
    }
    if (sharedShingles <= 0) {
      throw new IllegalArgumentException("sharedShingles must be > 0: " + sharedShingles);
    }
  }

  /** The pair without the count. */
  public CandidatePair pair() {
    return new CandidatePair(a, b);
  }
}
