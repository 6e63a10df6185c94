package dev.retold.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Real English words with the frequencies they have in news text, sampled in constant time.
 *
 * <p>The words and counts come from {@code english-words.tsv} (derived from the ECB+ corpus, see
 * its README); counts from news text follow Zipf's law, so drawing words in proportion to them
 * gives the long-tailed word statistics that shingle and term-weighting code meets in real
 * articles. Sampling uses Walker's alias method (Vose's construction), so a draw costs one random
 * number and two array reads whatever the vocabulary size. Immutable and thread-safe.
 */
final class Vocabulary {
  static final String RESOURCE = "english-words.tsv";

  private static final Vocabulary ENGLISH = load();

  private final String[] words;
  private final long[] counts;
  private final double[] probability;
  private final int[] alias;

  Vocabulary(List<String> words, List<Long> counts) {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("a vocabulary needs at least one word");
    }
    if (words.size() != counts.size()) {
      throw new IllegalArgumentException(
          "words and counts differ in size: " + words.size() + " != " + counts.size());
    }
    this.words = words.toArray(String[]::new);
    this.counts = new long[counts.size()];
    double total = 0;
    for (int i = 0; i < this.counts.length; i++) {
      long count = counts.get(i);
      if (count < 1) {
        throw new IllegalArgumentException("count must be > 0: " + count + " for " + words.get(i));
      }
      this.counts[i] = count;
      total += count;
    }
    int size = this.words.length;
    this.probability = new double[size];
    this.alias = new int[size];
    double[] scaled = new double[size];
    int[] small = new int[size];
    int[] large = new int[size];
    int smallCount = 0;
    int largeCount = 0;
    for (int i = 0; i < size; i++) {
      scaled[i] = this.counts[i] * size / total;
      if (scaled[i] < 1.0) {
        small[smallCount++] = i;
      } else {
        large[largeCount++] = i;
      }
    }
    while (smallCount > 0 && largeCount > 0) {
      int less = small[--smallCount];
      int more = large[--largeCount];
      probability[less] = scaled[less];
      alias[less] = more;
      scaled[more] = scaled[more] + scaled[less] - 1.0;
      if (scaled[more] < 1.0) {
        small[smallCount++] = more;
      } else {
        large[largeCount++] = more;
      }
    }
    while (largeCount > 0) {
      probability[large[--largeCount]] = 1.0;
    }
    while (smallCount > 0) {
      probability[small[--smallCount]] = 1.0; // only rounding leaves an entry here
    }
  }

  /** The word list shipped with the generator. */
  static Vocabulary english() {
    return ENGLISH;
  }

  /** How many words there are. */
  int size() {
    return words.length;
  }

  /** The word of the given rank, most frequent first. */
  String word(int rank) {
    return words[rank];
  }

  /** The count of the word of the given rank. */
  long count(int rank) {
    return counts[rank];
  }

  /** A word drawn in proportion to its count. */
  String sample(SplitMix64 random) {
    int column = random.nextInt(words.length);
    return random.nextDouble() < probability[column] ? words[column] : words[alias[column]];
  }

  private static Vocabulary load() {
    List<String> words = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource: " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int lineNumber = 0;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab < 1) {
          throw new IllegalStateException("no tab at line " + lineNumber + " of " + RESOURCE);
        }
        words.add(line.substring(0, tab));
        counts.add(Long.parseLong(line.substring(tab + 1)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Vocabulary(words, counts);
  }
}
