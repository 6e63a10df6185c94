package dev.retold.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns an article into weighted terms for the story stage, where two reports of one event must
 * match although their wording differs.
 *
 * <p>What tells one event from a similar one is mostly names and numbers (which ship, how many
 * pirates, which magnitude), so each occurrence weighs:
 *
 * <ul>
 *   <li>{@code properNounWeight} when the word is capitalised in the text and does not open a
 *       sentence or a line (a name, a place, an organisation);
 *   <li>{@code numberWeight} when it holds a digit;
 *   <li>1 otherwise, and both factors when both hold.
 * </ul>
 *
 * Title words count again, times {@code titleWeight}. Function words and the verbs of reporting
 * ("said", "according") are left out (the list is {@code story-stopwords.txt} beside this class), as
 * are one-letter words; a possessive {@code 's} is dropped so "Lee's" counts as "lee". Thread-safe.
 *
 * @param properNounWeight the weight of a capitalised word inside a sentence, >= 1
 * @param numberWeight the weight of a word with a digit, >= 1
 * @param titleWeight the weight of each title word, >= 0
 */
public record StoryTermWeigher(double properNounWeight, double numberWeight, double titleWeight) {

  private static final Set<String> STOPWORDS = readStopwords();

  /** The weights Retold uses: proper nouns 3, numbers 2, title words 2. */
  public static StoryTermWeigher withDefaults() {
    return new StoryTermWeigher(3.0, 2.0, 2.0);
  }

  /** Checks the weights. */
  public StoryTermWeigher {
    if (!(properNounWeight >= 1.0)) {
      throw new IllegalArgumentException("properNounWeight must be >= 1: " + properNounWeight);
    }
    if (!(numberWeight >= 1.0)) {
      throw new IllegalArgumentException("numberWeight must be >= 1: " + numberWeight);
    }
    if (!(titleWeight >= 0.0)) {
      throw new IllegalArgumentException("titleWeight must be >= 0: " + titleWeight);
    }
  }

  /** Whether a lower-cased word is left out as saying nothing about the story. */
  public static boolean isStopword(String term) {
    return STOPWORDS.contains(term);
  }

  /**
   * The weighted terms of one article.
   *
   * @param body the article body as loaded (its case and line breaks tell names and sentence starts)
   * @param normalized the body normalised, which {@code tokens} index into
   * @param tokens the body's tokens
   * @param titleTokens the title's tokens, or {@link Tokens#empty()}
   */
  public TermCounts weigh(
      String body, NormalizedText normalized, Tokens tokens, Tokens titleTokens) {
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
    return TermCounts.of(java.util.Arrays.copyOf(terms, size), java.util.Arrays.copyOf(weights, size));
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

  /**
   * Whether the word at {@code start} opens a sentence or a line: looking back past spaces, quotes
   * and brackets, the text starts, a line ends, or a sentence ends.
   */
  static boolean opensSentence(String body, int start) {
    for (int i = start - 1; i >= 0; i--) {
      char c = body.charAt(i);
      if (c == '\n' || c == '\r') {
        return true;
      }
      if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '(' || c == '[' || c == '`'
          || c == '\u201C' || c == '\u2018' || c == '\u00A0') {
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
