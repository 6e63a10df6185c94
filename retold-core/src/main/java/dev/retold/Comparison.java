package dev.retold;

import java.util.List;
import java.util.Objects;

/**
 * How one article relates to another, scored whether or not they turn out related: the answer of
 * {@link Retold#compare}. Unlike {@link ArticlePair}, {@code a} and {@code b} keep the caller's
 * order.
 *
 * @param a the first article's id
 * @param b the second article's id
 * @param relation the strongest relation that holds, or {@code null} when they are unrelated
 * @param similarity the story score in [0, 1]: weighted-term similarity of the two articles
 * @param jaccard Jaccard similarity of the word-shingle sets
 * @param containmentAInB the share of A's shingles also in B
 * @param containmentBInA the share of B's shingles also in A
 * @param passages the longest shared word runs, longest first (offsets: A then B)
 * @param sharedNames the names and numbers both articles use, as {@link ArticlePair#sharedNames()}
 *     gives them
 * @param semanticSimilarity the embeddings' cosine, as {@link ArticlePair#semanticSimilarity()};
 *     {@code NaN} without the semantic signal
 */
public record Comparison(
    String a,
    String b,
    Relation relation,
    double similarity,
    double jaccard,
    double containmentAInB,
    double containmentBInA,
    List<Passage> passages,
    List<String> sharedNames,
    double semanticSimilarity) {

  /** Checks the ids and copies the passages and names. */
  public Comparison {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    passages = List.copyOf(passages);
    sharedNames = List.copyOf(sharedNames);
  }

  /** A comparison without shared names given. */
  public Comparison(
      String a,
      String b,
      Relation relation,
      double similarity,
      double jaccard,
      double containmentAInB,
      double containmentBInA,
      List<Passage> passages) {
    this(
        a,
        b,
        relation,
        similarity,
        jaccard,
        containmentAInB,
        containmentBInA,
        passages,
        List.of(),
        Double.NaN);
  }

  /** A comparison without the semantic signal. */
  public Comparison(
      String a,
      String b,
      Relation relation,
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
        similarity,
        jaccard,
        containmentAInB,
        containmentBInA,
        passages,
        sharedNames,
        Double.NaN);
  }

  /** Whether the comparison has a semantic similarity (the embedder was on). */
  public boolean hasSemanticSimilarity() {
    return !Double.isNaN(semanticSimilarity);
  }

  /** The relation's name, or {@code UNRELATED}. */
  public String relationName() {
    return relation == null ? "UNRELATED" : relation.name();
  }
}
