package dev.retold.similarity;

/**
 * How many articles of a scan hold each term, for inverse document frequency. Terms are the dense
 * ids of a {@link dev.retold.text.TermDictionary}.
 *
 * <p>IDF is smoothed, {@code ln((N + 1) / (df + 1)) + 1}: a term in every article still weighs 1,
 * not 0, so a tiny folder of five retellings of one story (where every name is in every article)
 * still scores as related.
 */
public final class TermStatistics {
  private final int documents;
  private final int[] documentFrequency;
  private final double[] idf;

  private TermStatistics(int documents, int[] documentFrequency) {
    this.documents = documents;
    this.documentFrequency = documentFrequency;
    this.idf = new double[documentFrequency.length]; // once per term, not once per article's term
    for (int term = 0; term < idf.length; term++) {
      idf[term] = idf(documents, documentFrequency[term]);
    }
  }

  /**
   * Counts, for each of {@code vocabularySize} term ids, the articles holding it.
   *
   * @param articleTerms each article's distinct term ids, each in {@code [0, vocabularySize)}
   */
  public static TermStatistics count(int[][] articleTerms, int vocabularySize) {
    int[] frequency = new int[vocabularySize];
    for (int[] terms : articleTerms) {
      for (int term : terms) {
        frequency[term]++;
      }
    }
    return new TermStatistics(articleTerms.length, frequency);
  }

  /**
   * The statistics of {@code documents} articles where term {@code t} is held by {@code
   * documentFrequencies[t]} of them: counted elsewhere (a distributed scan counts them on its
   * workers). Takes the array, which its caller gives up.
   */
  public static TermStatistics of(int documents, int[] documentFrequencies) {
    return new TermStatistics(documents, documentFrequencies);
  }

  /** How many articles were counted. */
  public int documents() {
    return documents;
  }

  /** How many articles hold {@code term}; 0 for an id past the vocabulary. */
  public int documentFrequency(int term) {
    return term >= 0 && term < documentFrequency.length ? documentFrequency[term] : 0;
  }

  /** The smoothed inverse document frequency of {@code term}. */
  public double idf(int term) {
    return term >= 0 && term < idf.length ? idf[term] : idf(documents, 0);
  }

  /**
   * The smoothed inverse document frequency of a term {@code documentFrequency} of {@code
   * documents} hold.
   */
  public static double idf(int documents, int documentFrequency) {
    return Math.log((documents + 1.0) / (documentFrequency + 1.0)) + 1.0;
  }
}
