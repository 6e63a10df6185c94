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

  /** The pair as one long, {@code (long) a << 32 | b}: ordered as the pairs are. */
  public long key() {
    return key(a, b);
  }

  /** The key of the pair {@code (a, b)}, {@code 0 <= a < b}. */
  public static long key(int a, int b) {
    return (long) a << 32 | b;
  }

  /** The pair a {@link #key()} stands for. */
  public static CandidatePair ofKey(long key) {
    return new CandidatePair((int) (key >>> 32), (int) key);
  }

  @Override
  public int compareTo(CandidatePair other) {
    int byA = Integer.compare(a, other.a);
    return byA != 0 ? byA : Integer.compare(b, other.b);
  }
}
