package dev.retold;

import java.util.List;
import java.util.Objects;

/**
 * Two articles found related, with the verified scores and the shared passages behind the link.
 *
 * <p>{@code a} sorts before {@code b} (by id), so a pair has one spelling. Scores are exact,
 * computed on the articles' real word-shingle sets, never estimated from sketches.
 *
 * @param a the first article's id
 * @param b the second article's id
 * @param relation the strongest relation that holds
 * @param origin for a directed relation, the id of the article the other retells ({@code a} or
 *     {@code b}); {@code null} when the direction cannot be told
 * @param similarity the story score in [0, 1]: weighted-term similarity, names and numbers weighing
 *     most
 * @param jaccard shared shingles over all shingles of both
 * @param containmentAInB the share of A's shingles also in B
 * @param containmentBInA the share of B's shingles also in A
 * @param passages the longest shared word runs, longest first
 * @param sharedNames the names and numbers both articles use, the most used (at most 6) in A's
 *     order and spelling, names next to each other joined ("Xi Jinping"): what weighs most in the
 *     story similarity
 * @param semanticSimilarity the cosine in [0, 1] of the two articles' sentence embeddings, the
 *     semantic signal the story similarity blends in; {@code NaN} when the scan had none
 */
public record ArticlePair(
    String a,
    String b,
    Relation relation,
    String origin,
    double similarity,
    double jaccard,
    double containmentAInB,
    double containmentBInA,
    List<Passage> passages,
    List<String> sharedNames,
    double semanticSimilarity) {

  /** Checks the fields and copies the passages and names. */
  public ArticlePair {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(relation, "relation");
    if (a.compareTo(b) >= 0) {
      throw new IllegalArgumentException("a must sort before b: " + a + ", " + b);
    }
    if (origin != null && !origin.equals(a) && !origin.equals(b)) {
      throw new IllegalArgumentException("origin must be a or b: " + origin);
    }
    checkScore("similarity", similarity);
    checkScore("jaccard", jaccard);
    checkScore("containmentAInB", containmentAInB);
    checkScore("containmentBInA", containmentBInA);
    if (!Double.isNaN(semanticSimilarity)) {
      checkScore("semanticSimilarity", semanticSimilarity);
    }
    passages = List.copyOf(passages);
    sharedNames = List.copyOf(sharedNames);
  }

  /** A pair without shared names given. */
  public ArticlePair(
      String a,
      String b,
      Relation relation,
      String origin,
      double similarity,
      double jaccard,
      double containmentAInB,
      double containmentBInA,
      List<Passage> passages) {
    this(
        a,
        b,
        relation,
        origin,
        similarity,
        jaccard,
        containmentAInB,
        containmentBInA,
        passages,
        List.of(),
        Double.NaN);
  }

  /** A pair of a scan without the semantic signal. */
  public ArticlePair(
      String a,
      String b,
      Relation relation,
      String origin,
      double similarity,
      double jaccard,
      double containmentAInB,
      double containmentBInA,
      List<Passage> passages,
      List<String> sharedNames) {
    this(
        a,
        b,
        relation,
        origin,
        similarity,
        jaccard,
        containmentAInB,
        containmentBInA,
        passages,
        sharedNames,
        Double.NaN);
  }

  /**
   * Whether the pair has a semantic similarity: whether its scan blended in the semantic signal.
   */
  public boolean hasSemanticSimilarity() {
    return !Double.isNaN(semanticSimilarity);
  }

  /** The other article of the pair. */
  public String other(String id) {
    if (id.equals(a)) {
      return b;
    }
    if (id.equals(b)) {
      return a;
    }
    throw new IllegalArgumentException("not in this pair: " + id);
  }

  private static void checkScore(String name, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(name + " must be in [0, 1]: " + value);
    }
  }
}
