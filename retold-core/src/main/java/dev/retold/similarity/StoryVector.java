package dev.retold.similarity;

import dev.retold.text.TermCounts;
import java.util.Arrays;
import java.util.function.LongPredicate;
import java.util.stream.IntStream;

/**
 * An article as a unit-length vector of TF-IDF weights, sparse and sorted by term, for cosine
 * similarity. A term's weight is {@code (1 + ln(1 + count)) * idf}: sublinear in its weighted count,
 * so a name repeated ten times does not drown the rest. Immutable.
 */
public final class StoryVector {
  private final long[] terms;
  private final double[] weights;

  private StoryVector(long[] terms, double[] weights) {
    this.terms = terms;
    this.weights = weights;
  }

  /** Weighs {@code counts} by {@code statistics} and scales the result to unit length. */
  public static StoryVector of(TermCounts counts, TermStatistics statistics) {
    long[] terms = new long[counts.size()];
    double[] weights = new double[counts.size()];
    double norm = 0;
    for (int i = 0; i < counts.size(); i++) {
      terms[i] = counts.term(i);
      weights[i] = (1.0 + Math.log1p(counts.weight(i))) * statistics.idf(counts.term(i));
      norm += weights[i] * weights[i];
    }
    if (norm > 0) {
      double length = Math.sqrt(norm);
      for (int i = 0; i < weights.length; i++) {
        weights[i] /= length;
      }
    }
    return new StoryVector(terms, weights);
  }

  /** How many terms. */
  public int size() {
    return terms.length;
  }

  /**
   * The cosine similarity, in [0, 1]; 0 when either vector is empty.
   */
  public double cosine(StoryVector other) {
    double dot = 0;
    int i = 0;
    int j = 0;
    while (i < terms.length && j < other.terms.length) {
      if (terms[i] == other.terms[j]) {
        dot += weights[i] * other.weights[j];
        i++;
        j++;
      } else if (terms[i] < other.terms[j]) {
        i++;
      } else {
        j++;
      }
    }
    return Math.min(1.0, Math.max(0.0, dot));
  }

  /**
   * The {@code count} heaviest terms that pass {@code filter}, heaviest first (ties: smaller hash
   * first).
   */
  public long[] topTerms(int count, LongPredicate filter) {
    Integer[] order =
        IntStream.range(0, terms.length)
            .filter(i -> filter.test(terms[i]))
            .boxed()
            .toArray(Integer[]::new);
    Arrays.sort(
        order,
        (x, y) -> {
          int byWeight = Double.compare(weights[y], weights[x]);
          return byWeight != 0 ? byWeight : Long.compare(terms[x], terms[y]);
        });
    long[] top = new long[Math.min(count, order.length)];
    for (int i = 0; i < top.length; i++) {
      top[i] = terms[order[i]];
    }
    return top;
  }
}
