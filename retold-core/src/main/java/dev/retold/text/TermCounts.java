package dev.retold.text;

import java.util.Arrays;

/**
 * An article's weighted term counts: each distinct term (by its 64-bit hash) with the sum of the
 * weights of its occurrences. Terms are sorted by hash, so two counts can be merged in one pass.
 * Immutable.
 */
public final class TermCounts {
  private static final TermCounts EMPTY = new TermCounts(new long[0], new double[0]);

  private final long[] terms;
  private final double[] weights;

  private TermCounts(long[] terms, double[] weights) {
    this.terms = terms;
    this.weights = weights;
  }

  /** No terms at all. */
  public static TermCounts empty() {
    return EMPTY;
  }

  /**
   * Sums the weights of equal terms.
   *
   * @param terms term hashes, in any order, repeats allowed
   * @param weights each occurrence's weight, > 0
   */
  public static TermCounts of(long[] terms, double[] weights) {
    if (terms.length != weights.length) {
      throw new IllegalArgumentException(
          "terms and weights differ in length: " + terms.length + " vs " + weights.length);
    }
    long[] sorted = terms.clone();
    Arrays.sort(sorted); // primitive sort: this runs for every article
    int size = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (size == 0 || sorted[size - 1] != sorted[i]) {
        sorted[size++] = sorted[i];
      }
    }
    long[] distinct = Arrays.copyOf(sorted, size);
    double[] sums = new double[size];
    for (int i = 0; i < terms.length; i++) { // in the given order, so sums add up the same way
      if (!(weights[i] > 0)) {
        throw new IllegalArgumentException("weights must be > 0: " + weights[i]);
      }
      sums[Arrays.binarySearch(distinct, terms[i])] += weights[i];
    }
    return new TermCounts(distinct, sums);
  }

  /** How many distinct terms. */
  public int size() {
    return terms.length;
  }

  /** The {@code i}-th term's hash, in increasing order. */
  public long term(int i) {
    return terms[i];
  }

  /** The {@code i}-th term's summed weight. */
  public double weight(int i) {
    return weights[i];
  }
}
