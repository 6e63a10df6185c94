package dev.retold.similarity;

import dev.retold.index.LongCounts;
import dev.retold.text.TermCounts;
import java.util.List;

/**
 * Document frequencies of the terms of one run, and the smoothed inverse document frequency they
 * give: {@code idf(t) = ln((N + 1) / (df(t) + 1)) + 1}.
 *
 * <p>Why smoothed: plain {@code ln(N / df)} is 0 for a term every article has, so in a folder where
 * every article tells the same story the words they share would count for nothing, and five
 * retellings would look unrelated. The smoothed form keeps every term's weight at least 1 while a
 * term found in few articles still weighs up to {@code ln((N + 1) / 2) + 1}; on a large corpus it is
 * ordinary TF-IDF.
 */
public final class TermStatistics {
  private final int documents;
  private final LongCounts documentFrequency;

  private TermStatistics(int documents, LongCounts documentFrequency) {
    this.documents = documents;
    this.documentFrequency = documentFrequency;
  }

  /** Counts in how many of {@code articles} each term appears. */
  public static TermStatistics of(List<TermCounts> articles) {
    LongCounts frequency = new LongCounts();
    for (TermCounts counts : articles) {
      for (int i = 0; i < counts.size(); i++) {
        frequency.increment(counts.term(i));
      }
    }
    return new TermStatistics(articles.size(), frequency);
  }

  /** How many articles were counted. */
  public int documents() {
    return documents;
  }

  /** In how many articles the term appears; 0 for a term never seen. */
  public int documentFrequency(long term) {
    return documentFrequency.count(term);
  }

  /** The smoothed inverse document frequency, >= 1 for any term seen. */
  public double idf(long term) {
    return Math.log((documents + 1.0) / (documentFrequency(term) + 1.0)) + 1.0;
  }
}
