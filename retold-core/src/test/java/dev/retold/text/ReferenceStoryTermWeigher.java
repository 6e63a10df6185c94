package dev.retold.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The oracle for {@link StoryTermWeigher#weigh}: its logic as it was before it was made fast, kept
 * word for word (a {@code String} per word, a {@code HashSet} of stopwords, then the weights of one
 * term summed in occurrence order through a binary search, as {@code TermCounts.of} did), so tests
 * can check that the fast version gives the same terms and the same weights, bit for bit, and the
 * throughput harness can show the speed-up.
 */
final class ReferenceStoryTermWeigher {
  private static final Set<String> STOPWORDS = readStopwords();

  private final double properNounWeight;
  private final double numberWeight;
  private final double titleWeight;

  /** The reference for a weigher with the same weights. */
  ReferenceStoryTermWeigher(StoryTermWeigher weights) {
    this.properNounWeight = weights.properNounWeight();
    this.numberWeight = weights.numberWeight();
    this.titleWeight = weights.titleWeight();
  }

  /** Distinct term hashes in increasing order, with each one's summed weight. */
  record Counts(long[] terms, double[] weights) {}

  /** What {@link StoryTermWeigher#weigh} gave before it was made fast. */
  Counts weigh(String body, NormalizedText normalized, Tokens tokens, Tokens titleTokens) {
    int capacity = tokens.size() + titleTokens.size();
    long[] terms = new long[capacity];
    double[] weights = new double[capacity];
    int size = 0;
    for (int i = 0; i < tokens.size(); i++) {
      String term = stripPossessive(tokens.term(i));
      if (!counts(term)) {
        continue;
      }
      double weight = 1.0;
      int start = normalized.originalOffset(tokens.start(i));
      if (start < body.length()
          && Character.isUpperCase(body.charAt(start))
          && !opensSentence(body, start)) {
        weight *= properNounWeight;
      }
      if (hasDigit(term)) {
        weight *= numberWeight;
      }
      terms[size] = WordTokenizer.hashTerm(term);
      weights[size] = weight;
      size++;
    }
    if (titleWeight > 0) {
      for (int i = 0; i < titleTokens.size(); i++) {
        String term = stripPossessive(titleTokens.term(i));
        if (counts(term)) {
          terms[size] = WordTokenizer.hashTerm(term);
          weights[size] = titleWeight;
          size++;
        }
      }
    }
    return sum(Arrays.copyOf(terms, size), Arrays.copyOf(weights, size));
  }

  /** {@code TermCounts.of} as it was: sort, drop repeats, then add up by binary search. */
  static Counts sum(long[] terms, double[] weights) {
    long[] sorted = terms.clone();
    Arrays.sort(sorted);
    int size = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (size == 0 || sorted[size - 1] != sorted[i]) {
        sorted[size++] = sorted[i];
      }
    }
    long[] distinct = Arrays.copyOf(sorted, size);
    double[] sums = new double[size];
    for (int i = 0; i < terms.length; i++) {
      sums[Arrays.binarySearch(distinct, terms[i])] += weights[i];
    }
    return new Counts(distinct, sums);
  }

  private static boolean counts(String term) {
    return term.length() > 1 && !STOPWORDS.contains(term);
  }

  private static String stripPossessive(String term) {
    return term.endsWith("'s") ? term.substring(0, term.length() - 2) : term;
  }

  private static boolean hasDigit(String term) {
    for (int i = 0; i < term.length(); i++) {
      if (Character.isDigit(term.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean opensSentence(String body, int start) {
    for (int i = start - 1; i >= 0; i--) {
      char c = body.charAt(i);
      if (c == '\n' || c == '\r') {
        return true;
      }
      if (c == ' '
          || c == '\t'
          || c == '"'
          || c == '\''
          || c == '('
          || c == '['
          || c == '`'
          || c == '\u201C'
          || c == '\u2018'
          || c == '\u00A0') {
        continue;
      }
      return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '\u2014';
    }
    return true;
  }

  private static Set<String> readStopwords() {
    Set<String> words = new HashSet<>();
    try (InputStream in = StoryTermWeigher.class.getResourceAsStream("story-stopwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("story-stopwords.txt is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read story-stopwords.txt", e);
    }
    return Set.copyOf(words);
  }
}
