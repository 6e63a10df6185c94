package dev.retold.bench.harness;

import dev.retold.Article;
import dev.retold.ArticlePair;
import dev.retold.Retold;
import dev.retold.similarity.SharedPassageFinder;
import dev.retold.similarity.ShingleOverlap;
import dev.retold.similarity.WordRun;
import dev.retold.text.BodyAnalysis;
import dev.retold.text.Tokens;
import dev.retold.text.WordTokenizer;
import java.util.List;

/**
 * A harness for the shared-passage search on hostile input, run by hand (not a test): two texts
 * made of one sentence of 30 distinct words repeated to {@code chars} characters each (the second
 * starting 7 words into the sentence), analysed as a scan analyses an article, then searched for
 * their shared passages as a scan searches a reported pair (seeded by shared 3-shingles, passages
 * of at least 6 words, at most 10). Prints the wall time of the search, the best of {@code
 * repeats}, and the passages found; then the wall time of a whole scan of the two texts (lexical,
 * default settings), which reads, verifies and searches them as {@code retold scan} does.
 *
 * <pre>
 * ./mvnw -q -B -pl retold-bench -am package -DskipTests
 * java -cp retold-bench/target/retold-bench.jar dev.retold.bench.harness.PassageSearchScale \
 *     chars [repeats]
 * # the case: two 2 MB files
 * java -cp retold-bench/target/retold-bench.jar dev.retold.bench.harness.PassageSearchScale 2000000 3
 * </pre>
 */
public final class PassageSearchScale {
  private static final String SENTENCE =
      "The council met on Tuesday to weigh a plan for the harbour road, which residents say floods"
          + " each spring while the county argues over who should pay for repairs now.";

  private PassageSearchScale() {}

  public static void main(String[] args) {
    int chars = Integer.parseInt(args[0]);
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    String a = repeated(SENTENCE, chars);
    String[] words = SENTENCE.split(" ");
    String shifted = String.join(" ", List.of(words).subList(7, words.length)) + " ";
    String b = repeated(shifted + String.join(" ", List.of(words).subList(0, 7)) + " ", chars);
    WordTokenizer tokenizer = new WordTokenizer();
    BodyAnalysis analysisA = BodyAnalysis.of(a, tokenizer, 3);
    BodyAnalysis analysisB = BodyAnalysis.of(b, tokenizer, 3);
    long[] termsA = terms(analysisA.tokens());
    long[] termsB = terms(analysisB.tokens());
    long[] shared = ShingleOverlap.sharedHashes(analysisA.shingleSet(), analysisB.shingleSet());
    SharedPassageFinder finder = new SharedPassageFinder(6, 10);
    System.out.printf(
        "A %,d chars, %,d words; B %,d chars, %,d words; %d distinct shared 3-shingles%n",
        a.length(), termsA.length, b.length(), termsB.length, shared.length);
    long best = Long.MAX_VALUE;
    List<WordRun> runs = List.of();
    for (int r = 0; r < repeats; r++) {
      long start = System.nanoTime();
      runs = finder.find(termsA, analysisA.shingles(), termsB, analysisB.shingles(), shared);
      best = Math.min(best, System.nanoTime() - start);
    }
    System.out.printf("search: %.3f s (best of %d)%n", best / 1e9, repeats);
    System.out.printf("%d passages:", runs.size());
    for (WordRun run : runs) {
      System.out.printf(" %,d words at A %,d / B %,d;", run.length(), run.startA(), run.startB());
    }
    System.out.println();
    long start = System.nanoTime();
    List<ArticlePair> pairs =
        Retold.builder().build().scan(List.of(Article.of("a", a), Article.of("b", b))).pairs();
    System.out.printf(
        "scan of both: %.3f s, %s, %d passages%n",
        (System.nanoTime() - start) / 1e9,
        pairs.isEmpty() ? "no pair" : pairs.get(0).relation(),
        pairs.isEmpty() ? 0 : pairs.get(0).passages().size());
  }

  private static String repeated(String sentence, int chars) {
    StringBuilder text = new StringBuilder(chars + sentence.length());
    while (text.length() < chars) {
      text.append(sentence).append(' ');
    }
    return text.toString();
  }

  private static long[] terms(Tokens tokens) {
    long[] terms = new long[tokens.size()];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = tokens.termHash(i);
    }
    return terms;
  }
}
