package dev.retold.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
 * ("said", "according") are left out (the list is {@code story-stopwords.txt} beside this class),
 * as are one-letter words; a possessive {@code 's} is dropped so "Lee's" counts as "lee".
 * Thread-safe.
 *
 * @param properNounWeight the weight of a capitalised word inside a sentence, >= 1
 * @param numberWeight the weight of a word with a digit, >= 1
 * @param titleWeight the weight of each title word, >= 0
 */
public record StoryTermWeigher(double properNounWeight, double numberWeight, double titleWeight) {

  private static final Set<String> STOPWORDS = readStopwords();
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;
  private static final StopwordHashes STOPWORD_HASHES = StopwordHashes.of(STOPWORDS);

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
   * <p>This runs for every word of every article, so a word is read in place, with no object made
   * for it: its term's hash comes from {@code tokens}, a stopword is found by that hash (see {@link
   * StopwordHashes}), and the possessive and digit checks read the term's chars narrowed to bytes
   * (see {@link #narrowed}); the body is looked at only for a word that may start with a capital
   * (see {@link #mayBeCapitalised}). Only a possessive, whose term without the {@code 's} needs a
   * hash of its own, makes a {@code String}. {@code StoryTermWeigherReferenceTest} checks that this
   * gives what making a {@code String} of every word gave, bit for bit.
   *
   * @param body the article body as loaded (its case and line breaks tell names and sentence
   *     starts)
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
    String text = tokens.termText();
    byte[] chars = narrowed(text);
    String normalizedText = normalized.text();
    int[] termStarts = tokens.termStartArray();
    int[] termEnds = tokens.termEndArray();
    int[] starts = tokens.startArray();
    long[] hashes = tokens.termHashArray();
    int count = tokens.size();
    for (int i = 0; i < count; i++) {
      int from = termStarts[i];
      int to = termEnds[i];
      long hash = hashes[i];
      if (isPossessive(chars, from, to)) {
        to -= 2;
        hash = WordTokenizer.hashTerm(text.substring(from, to));
      }
      if (to - from < 2 || STOPWORD_HASHES.contains(hash)) {
        continue;
      }
      double weight = 1.0;
      int wordStart = starts[i];
      if (mayBeCapitalised(normalizedText.charAt(wordStart))) {
        int start = normalized.originalOffset(wordStart);
        if (start < body.length()
            && isUpperCase(body.charAt(start))
            && !opensSentence(body, start)) {
          weight *= properNounWeight;
        }
      }
      if (hasDigit(chars, text, from, to)) {
        weight *= numberWeight;
      }
      terms[size] = hash;
      weights[size] = weight;
      size++;
    }
    if (titleWeight > 0) {
      String titleText = titleTokens.termText();
      byte[] titleChars = narrowed(titleText);
      int[] titleStarts = titleTokens.termStartArray();
      int[] titleEnds = titleTokens.termEndArray();
      long[] titleHashes = titleTokens.termHashArray();
      for (int i = 0; i < titleTokens.size(); i++) {
        int from = titleStarts[i];
        int to = titleEnds[i];
        long hash = titleHashes[i];
        if (isPossessive(titleChars, from, to)) {
          to -= 2;
          hash = WordTokenizer.hashTerm(titleText.substring(from, to));
        }
        if (to - from >= 2 && !STOPWORD_HASHES.contains(hash)) {
          terms[size] = hash;
          weights[size] = titleWeight;
          size++;
        }
      }
    }
    return TermCounts.of(terms, weights, size);
  }

  /**
   * The chars of {@code text} narrowed to bytes, one byte per char at the same index: a char up to
   * U+00FF as itself, any other as {@code '?'}. So a byte is an ASCII letter, digit or quote
   * exactly when its char is, and the bytes can be read eight at a time. For a Latin-1 string (all
   * ASCII terms) this is a plain copy.
   */
  private static byte[] narrowed(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1); // a char pair above U+FFFF: one '?'
    if (bytes.length != text.length()) {
      bytes = new byte[text.length()];
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        bytes[i] = c <= 0xFF ? (byte) c : (byte) '?';
      }
    }
    return bytes;
  }

  /** Whether the term in {@code chars[from, to)} (see {@link #narrowed}) ends with 's. */
  private static boolean isPossessive(byte[] chars, int from, int to) {
    return to - from >= 2 && chars[to - 1] == 's' && chars[to - 2] == '\'';
  }

  /**
   * False when a word whose normalised text starts with {@code c} certainly starts with no upper
   * case char in the body, so the body need not be looked at: when {@code c} is ASCII but not
   * {@code A-Z}.
   *
   * <p>Why that is exact: the normalised char comes from the body's char, or cluster (a char and
   * the combining chars after it), at the word's {@link NormalizedText#originalOffset}: copied,
   * made ASCII (a quote or a dash) or put in NFKC form. NFKC recomposes the NFKD forms of the
   * chars, and composing never gives an ASCII char. No upper case char ({@link
   * Character#isUpperCase(char)}) decomposes to an ASCII char other than {@code A-Z}, and no char
   * that may continue a cluster to an ASCII char at all; {@code StoryTermWeigherReferenceTest}
   * checks both for every char.
   */
  private static boolean mayBeCapitalised(char c) {
    return c >= 0x80 || (c >= 'A' && c <= 'Z');
  }

  /**
   * Whether the word at {@code start} of {@code body} reads as a name, as this weigher tells one:
   * capitalised, and not opening a sentence or a line.
   */
  public static boolean isName(String body, int start) {
    return start < body.length() && isUpperCase(body.charAt(start)) && !opensSentence(body, start);
  }

  /** {@link Character#isUpperCase(char)}, answered at once for ASCII. */
  private static boolean isUpperCase(char c) {
    return c < 0x80 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
  }

  /**
   * Whether the term in chars {@code [from, to)} of {@code text}, narrowed in {@code chars}, holds
   * a digit ({@link Character#isDigit(char)}).
   *
   * <p>Read eight chars at a time from {@code chars} with bitwise arithmetic rather than char by
   * char, as this runs for most words. The only digits up to U+00FF are {@code 0-9}, so the
   * narrowed term settles it unless it holds a {@code '?'}, which may stand for a char above
   * U+00FF; then (or too close to the end of {@code chars} to read eight) the chars themselves are
   * looked at.
   */
  private static boolean hasDigit(byte[] chars, String text, int from, int to) {
    if (to + 7 > chars.length) {
      return hasDigit(text, from, to);
    }
    long digits = 0;
    long questionMarks = 0;
    for (int at = from; at < to; at += 8) {
      long eight = (long) LONGS.get(chars, at);
      long ascii = ~eight & HIGH & (-1L >>> (64 - 8 * Math.min(to - at, 8))); // within the term
      long low = eight & ~HIGH;
      digits |= inRange(low, '0', '9') & ascii;
      questionMarks |= inRange(low, '?', '?') & ascii;
    }
    return questionMarks == 0 ? digits != 0 : hasDigit(text, from, to);
  }

  /** Whether chars {@code [from, to)} of {@code text} hold a digit, looked at one by one. */
  private static boolean hasDigit(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.isDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The high bit of each byte of {@code low} (bytes below 0x80) set where the byte is in {@code
   * [min, max]}.
   */
  private static long inRange(long low, int min, int max) {
    return (low + (0x80 - min) * ONES) & ~(low + (0x7F - max) * ONES) & HIGH;
  }

  /**
   * Whether the word at {@code start} opens a sentence or a line: looking back past spaces, quotes
   * and brackets, the text starts, a line ends, or a sentence ends.
   */
  public static boolean opensSentence(String body, int start) {
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

  /**
   * The term hashes ({@link WordTokenizer#hashTerm}) of the stopwords, so that a word is looked up
   * by the hash {@link Tokens} already holds for it, without a {@code String}. A word whose 64-bit
   * hash equals a stopword's is taken for that stopword; for a given word and stopword the chance
   * is 2^-64, and Retold tells terms apart by these hashes alone anyway (two words with one hash
   * are one term in {@link TermCounts}).
   *
   * <p>The hashes sit in buckets of four, chosen by some bits of the hash, so a look-up is one
   * bucket's four compares, with no probing. The bits are picked when the table is built so that no
   * bucket overflows; an unused entry holds a value from another bucket, which no hash looked up
   * there can equal.
   */
  private static final class StopwordHashes {
    private final long[] entries;
    private final int shift;
    private final int mask;

    private StopwordHashes(long[] entries, int shift, int mask) {
      this.entries = entries;
      this.shift = shift;
      this.mask = mask;
    }

    /** The table for {@code words}: the fewest buckets, at least two, that hold them. */
    static StopwordHashes of(Set<String> words) {
      long[] hashes = words.stream().mapToLong(WordTokenizer::hashTerm).sorted().toArray();
      for (int buckets = 2; ; buckets *= 2) {
        for (int shift = 0; shift <= 64 - Integer.numberOfTrailingZeros(buckets); shift++) {
          StopwordHashes table = fill(hashes, buckets, shift);
          if (table != null) {
            return table;
          }
        }
      }
    }

    /**
     * The table with {@code buckets} buckets chosen by the hash bits from {@code shift}, or null.
     */
    private static StopwordHashes fill(long[] hashes, int buckets, int shift) {
      int mask = buckets - 1;
      long[] entries = new long[4 * buckets];
      int[] used = new int[buckets];
      for (long hash : hashes) {
        int bucket = (int) (hash >>> shift) & mask;
        if (used[bucket] == 4) {
          return null;
        }
        entries[4 * bucket + used[bucket]++] = hash;
      }
      for (int bucket = 0; bucket < buckets; bucket++) {
        long elsewhere = (long) (bucket ^ 1) << shift; // falls in bucket ^ 1
        for (int entry = used[bucket]; entry < 4; entry++) {
          entries[4 * bucket + entry] = elsewhere;
        }
      }
      return new StopwordHashes(entries, shift, mask);
    }

    /** Whether {@code hash} is a stopword's. */
    boolean contains(long hash) {
      int at = 4 * ((int) (hash >>> shift) & mask);
      return entries[at] == hash
          | entries[at + 1] == hash
          | entries[at + 2] == hash
          | entries[at + 3] == hash;
    }
  }
}
