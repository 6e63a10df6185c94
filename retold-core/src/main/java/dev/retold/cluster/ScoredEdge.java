package dev.retold.cluster;

/**
 * An undirected edge between two items with a score, {@code a < b}. A similarity is in [0, 1]; a
 * relative score may be below 0, and a negative one keeps two items apart in average linkage.
 *
 * @param a the smaller item
 * @param b the larger item
 * @param score the edge's score, finite
 */
public record ScoredEdge(int a, int b, double score) {
  /** Checks the ends and the score. */
  public ScoredEdge {
    if (a < 0 || a >= b) {
      throw new IllegalArgumentException("need 0 <= a < b: " + a + ", " + b);
    }
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score must be finite: " + score);
    }
  }
}
