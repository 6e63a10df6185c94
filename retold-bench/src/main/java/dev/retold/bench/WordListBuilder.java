package dev.retold.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Regenerates the word list the generator draws its vocabulary from ({@code english-words.tsv}) out
 * of a folder of English text, such as the ECB+ articles.
 *
 * <p>A word is a run of ASCII letters with at most one inner apostrophe ({@code don't}),
 * lower-cased. Words written capitalised in at least half their occurrences are left out: they are
 * proper nouns ({@code obama}) or sentence openers the corpus rarely uses elsewhere, and the
 * generator makes its own proper nouns. Single letters other than {@code a} are left out too. The
 * most frequent {@value #MAX_WORDS} words are kept, most frequent first, ties in alphabetical
 * order, so the output is the same on every run.
 *
 * <p>Run it from the repository root after {@code ./mvnw install}:
 *
 * <pre>
 * java -cp retold-bench/target/retold-bench.jar dev.retold.bench.WordListBuilder \
 *     /work/shared/data/ecbplus/articles \
 *     retold-bench/src/main/resources/dev/retold/bench/english-words.tsv
 * </pre>
 */
public final class WordListBuilder {
  /** The most words the list keeps. */
  public static final int MAX_WORDS = 20_000;

  /** The attribution line that opens the committed list. */
  static final String ATTRIBUTION =
      "# Word counts derived from the ECB+ corpus (Cybulska & Vossen, LREC 2014), CC BY 3.0;"
          + " see english-words.README.md";

  private static final Pattern WORD = Pattern.compile("[A-Za-z]+(?:'[A-Za-z]+)?");

  /** A word and how often it occurs. */
  record WordCount(String word, long count) {
    WordCount {
      if (word.isEmpty()) {
        throw new IllegalArgumentException("word must not be empty");
      }
      if (count < 1) {
        throw new IllegalArgumentException("count must be > 0: " + count);
      }
    }
  }

  private WordListBuilder() {}

  /**
   * Counts the words of every {@code .txt} file under {@code arguments[0]} into {@code
   * arguments[1]}.
   */
  public static void main(String[] arguments) throws IOException {
    if (arguments.length != 2) {
      System.err.println("usage: WordListBuilder SOURCE_FOLDER TARGET_TSV");
      System.exit(2);
    }
    List<WordCount> words = count(Path.of(arguments[0]));
    write(words, Path.of(arguments[1]));
    System.err.println(words.size() + " words written to " + arguments[1]);
  }

  /** The word counts of every {@code .txt} file under {@code folder}, most frequent first. */
  static List<WordCount> count(Path folder) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(file -> file.toString().endsWith(".txt")).sorted().toList();
    }
    Map<String, long[]> counts = new HashMap<>(); // word -> {all occurrences, lower-case ones}
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8).replace('\u2019', '\'');
      Matcher matcher = WORD.matcher(text);
      while (matcher.find()) {
        String written = matcher.group();
        String word = written.toLowerCase(Locale.ROOT);
        long[] count = counts.computeIfAbsent(word, key -> new long[2]);
        count[0]++;
        if (written.equals(word)) {
          count[1]++;
        }
      }
    }
    List<WordCount> words = new ArrayList<>();
    counts.forEach(
        (word, count) -> {
          boolean mostlyLowerCase = 2 * count[1] >= count[0];
          boolean wordLength = word.length() > 1 || word.equals("a");
          if (mostlyLowerCase && wordLength) {
            words.add(new WordCount(word, count[0]));
          }
        });
    words.sort(
        Comparator.comparingLong(WordCount::count).reversed().thenComparing(WordCount::word));
    return List.copyOf(words.subList(0, Math.min(MAX_WORDS, words.size())));
  }

  /** Writes the list as {@code word<TAB>count} lines under the attribution line. */
  static void write(List<WordCount> words, Path target) throws IOException {
    try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      out.write(ATTRIBUTION + "\n");
      for (WordCount word : words) {
        out.write(word.word() + "\t" + word.count() + "\n");
      }
    }
  }
}
