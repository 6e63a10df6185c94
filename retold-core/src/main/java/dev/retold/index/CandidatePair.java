package dev.retold.index;

/**
 * Two documents worth comparing, by id, the smaller first so a pair has one spelling. Ordered by
 * {@code a}, then {@code b}.
 *
 * @param a the smaller document id, at least 0
 * @param b the larger document id
 */
public record CandidatePair(int a, int b) implements Comparable<CandidatePair> {
  /** Checks {@code 0 <= a < b}. */
  public CandidatePair {
    if (a < 0) {
      throw new IllegalArgumentException("a must be >= 0: " + a);
    }
    if (a >= b) {
      throw new IllegalArgumentException("a must be < b: " + a + ", " + b);
    }
  }

  @Override
  public int compareTo(CandidatePair other) {
    int byA = Integer.compare(a, other.a);
    return byA != 0 ? byA : Integer.compare(b, other.b);
  }
}
