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
    return of(terms, weights, terms.length);
  }

  /**
   * Sums the weights of equal terms among the first {@code size} occurrences: {@link #of(long[],
   * double[])} for arrays that may be longer.
   *
   * <p>This runs for every article, so it avoids a comparison sort of the occurrences and a binary
   * search per occurrence, which together took several times as long. The occurrences are spread
   * over more buckets than there are of them by the top bits of their terms (in signed order),
   * keeping their order within a bucket, which leaves them nearly sorted when the terms are
   * well-mixed hashes; an insertion sort, which moves an occurrence only past the few it is out of
   * order with and never past an equal term, finishes the job. Equal terms then stand together in
   * their given order, so each sum adds up its weights exactly as one after the other in that order
   * (floating-point addition depends on the order). Terms that are not well-mixed (small numbers,
   * or a text crafted so that many hashes share their top bits) crowd into few buckets; once the
   * insertion sort has moved more than a budget linear in {@code size}, they are summed as {@link
   * #bySorting} does instead, with the same result.
   */
  static TermCounts of(long[] terms, double[] weights, int size) {
    for (int i = 0; i < size; i++) {
      if (!(weights[i] > 0)) {
        throw new IllegalArgumentException("weights must be > 0: " + weights[i]);
      }
    }
    if (size == 0) {
      return EMPTY;
    }
    int bits = 32 - Integer.numberOfLeadingZeros(size); // 2^bits buckets, more than occurrences
    int shift = 64 - bits;
    int[] bucketStarts = new int[(1 << bits) + 1];
    for (int i = 0; i < size; i++) {
      bucketStarts[bucketOf(terms[i], shift) + 1]++;
    }
    for (int bucket = 1; bucket < bucketStarts.length; bucket++) {
      bucketStarts[bucket] += bucketStarts[bucket - 1];
    }
    long[] sortedTerms = new long[size];
    double[] sortedWeights = new double[size];
    for (int i = 0; i < size; i++) {
      int at = bucketStarts[bucketOf(terms[i], shift)]++;
      sortedTerms[at] = terms[i];
      sortedWeights[at] = weights[i];
    }
    int moveBudget = 2 * size + 64;
    for (int i = 1; i < size; i++) {
      long term = sortedTerms[i];
      if (sortedTerms[i - 1] > term) {
        double weight = sortedWeights[i];
        int at = i;
        for (; at > 0 && sortedTerms[at - 1] > term; at--) {
          sortedTerms[at] = sortedTerms[at - 1];
          sortedWeights[at] = sortedWeights[at - 1];
        }
        sortedTerms[at] = term;
        sortedWeights[at] = weight;
        moveBudget -= i - at;
        if (moveBudget < 0) {
          return bySorting(terms, weights, size);
        }
      }
    }
    int distinct = 1;
    for (int i = 1; i < size; i++) {
      if (sortedTerms[i] == sortedTerms[distinct - 1]) {
        sortedWeights[distinct - 1] += sortedWeights[i];
      } else {
        sortedTerms[distinct] = sortedTerms[i];
        sortedWeights[distinct] = sortedWeights[i];
        distinct++;
      }
    }
    return new TermCounts(
        Arrays.copyOf(sortedTerms, distinct), Arrays.copyOf(sortedWeights, distinct));
  }

  /** The bucket of {@code term}: its top bits, in signed order. */
  private static int bucketOf(long term, int shift) {
    return (int) ((term ^ Long.MIN_VALUE) >>> shift);
  }

  /**
   * What {@link #of(long[], double[], int)} gives, for any terms, in O(size log size): sorts the
   * distinct terms, then adds each occurrence's weight, in the given order, to its term found by
   * binary search.
   */
  private static TermCounts bySorting(long[] terms, double[] weights, int size) {
    long[] sorted = Arrays.copyOf(terms, size);
    Arrays.sort(sorted);
    int distinct = 1;
    for (int i = 1; i < size; i++) {
      if (sorted[i] != sorted[distinct - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    long[] distinctTerms = Arrays.copyOf(sorted, distinct);
    double[] sums = new double[distinct];
    for (int i = 0; i < size; i++) {
      sums[Arrays.binarySearch(distinctTerms, terms[i])] += weights[i];
    }
    return new TermCounts(distinctTerms, sums);
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
