package dev.retold.cluster;

/**
 * An undirected edge between two items with a score, {@code a < b}.
 *
 * @param a the smaller item
 * @param b the larger item
 * @param score the edge's score, >= 0
 */
public record ScoredEdge(int a, int b, double score) {
  /** Checks the ends and the score. */
  public ScoredEdge {
    if (a < 0 || a >= b) {
      throw new IllegalArgumentException("need 0 <= a < b: " + a + ", " + b);
    }
    if (!(score >= 0)) {
      throw new IllegalArgumentException("score must be >= 0: " + score);
    }
  }
}
