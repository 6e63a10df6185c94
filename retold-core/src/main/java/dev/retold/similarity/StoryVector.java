package dev.retold.similarity;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * An article as a unit-length vector of TF-IDF weights, sparse and sorted by term id, for cosine
 * similarity. A term's weight is {@code (1 + ln(1 + count)) * idf}: sublinear in its weighted
 * count, so a name repeated ten times does not drown the rest. Weights are kept as {@code float} (a
 * million articles hold a quarter of a billion of them); the cosine adds their products in {@code
 * double}, in term order. Immutable.
 */
public final class StoryVector {
  private static final StoryVector EMPTY = new StoryVector(new int[0], new float[0]);

  private final int[] terms;
  private final float[] weights;

  private StoryVector(int[] terms, float[] weights) {
    this.terms = terms;
    this.weights = weights;
  }

  /**
   * Weighs term counts by {@code statistics} and scales the result to unit length.
   *
   * @param terms distinct term ids in increasing order; kept, not copied, so do not change it
   * @param counts each term's weighted count, > 0
   */
  public static StoryVector of(int[] terms, float[] counts, TermStatistics statistics) {
    if (terms.length != counts.length) {
      throw new IllegalArgumentException(
          "terms and counts differ in length: " + terms.length + " vs " + counts.length);
    }
    if (terms.length == 0) {
      return EMPTY;
    }
    double[] weights = new double[terms.length];
    double norm = 0;
    for (int i = 0; i < terms.length; i++) {
      if (i > 0 && terms[i] <= terms[i - 1]) {
        throw new IllegalArgumentException("terms must be increasing, but entry " + i + " is not");
      }
      weights[i] = weight(counts[i], statistics.idf(terms[i]));
      norm += weights[i] * weights[i];
    }
    double length = Math.sqrt(norm);
    float[] unit = new float[terms.length];
    for (int i = 0; i < terms.length; i++) {
      unit[i] = (float) (weights[i] / length);
    }
    return new StoryVector(terms, unit);
  }

  /**
   * This vector with only the terms {@code keep} accepts, their weights as they are (not scaled
   * again). A scan drops the terms no other article holds: they add to no cosine, and at a million
   * articles they are memory.
   */
  public StoryVector keepTerms(IntPredicate keep) {
    int kept = 0;
    for (int term : terms) {
      if (keep.test(term)) {
        kept++;
      }
    }
    if (kept == terms.length) {
      return this;
    }
    int[] keptTerms = new int[kept];
    float[] keptWeights = new float[kept];
    int at = 0;
    for (int i = 0; i < terms.length; i++) {
      if (keep.test(terms[i])) {
        keptTerms[at] = terms[i];
        keptWeights[at] = weights[i];
        at++;
      }
    }
    return new StoryVector(keptTerms, keptWeights);
  }

  /** {@code Math.log1p} of small whole counts, the common case, looked up. */
  private static final double[] LOG1P = new double[256];

  static {
    for (int i = 0; i < LOG1P.length; i++) {
      LOG1P[i] = Math.log1p(i);
    }
  }

  /** A term's weight before scaling: {@code (1 + ln(1 + count)) * idf}. */
  public static double weight(float count, double idf) {
    return (1.0 + log1p(count)) * idf;
  }

  /** {@code Math.log1p(count)}, the same value, looked up for whole counts below 256. */
  private static double log1p(float count) {
    int whole = (int) count;
    return whole == count && whole >= 0 && whole < LOG1P.length ? LOG1P[whole] : Math.log1p(count);
  }

  /** How many terms. */
  public int size() {
    return terms.length;
  }

  /** The cosine similarity, in [0, 1]; 0 when either vector is empty. */
  public double cosine(StoryVector other) {
    int[] otherTerms = other.terms;
    float[] otherWeights = other.weights;
    double dot = 0;
    int i = 0;
    int j = 0;
    while (i < terms.length && j < otherTerms.length) {
      int a = terms[i];
      int b = otherTerms[j];
      if (a == b) {
        dot += (double) weights[i] * otherWeights[j];
        i++;
        j++;
      } else if (a < b) {
        i++;
      } else {
        j++;
      }
    }
    return Math.min(1.0, Math.max(0.0, dot));
  }

  /**
   * The {@code count} heaviest terms that pass {@code filter}, heaviest first (ties: smaller id
   * first).
   */
  public int[] topTerms(int count, IntPredicate filter) {
    long[] keys = new long[terms.length];
    int size = 0;
    for (int i = 0; i < terms.length; i++) {
      if (filter.test(terms[i])) {
        // weights are >= 0, so their bit patterns sort like the weights; heaviest first
        long heaviness = Integer.MAX_VALUE - Float.floatToIntBits(weights[i]);
        keys[size++] = (heaviness << 32) | terms[i];
      }
    }
    Arrays.sort(keys, 0, size);
    int[] top = new int[Math.min(count, size)];
    for (int i = 0; i < top.length; i++) {
      top[i] = (int) keys[i];
    }
    return top;
  }
}
