package dev.retold.bench.harness;

import dev.retold.text.NormalizedText;
import dev.retold.text.StoryTermWeigher;
import dev.retold.text.TextNormalizer;
import dev.retold.text.Tokens;
import dev.retold.text.WordTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A rough single-thread throughput harness for {@link StoryTermWeigher#weigh}, run by hand (not a
 * test): MB/s of raw UTF-8 body text, per second of the thread's CPU time, over the whole corpus,
 * every round and best of all rounds. (That the weigher gives what its reference did, bit for bit,
 * is {@code StoryTermWeigherReferenceTest}'s job in the core's tests.)
 *
 * <p>Only the weighing is timed. As in a scan, where an article is weighed right after it is
 * tokenised, its tokens are fresh in the cache: articles go in batches of {@value #BATCH}, each
 * tokenised (untimed) just before it is weighed; weighing tokens made long before would mostly time
 * memory.
 *
 * <pre>
 * java -jar retold-bench/target/retold-bench.jar generate -o /tmp/perf-corpus -n 20000 -f jsonl
 * java -cp retold-bench/target/retold-bench.jar dev.retold.bench.harness.StoryTermThroughput \
 *     /tmp/perf-corpus/articles.jsonl [rounds]
 * </pre>
 */
public final class StoryTermThroughput {
  private static final int BATCH = 16;
  private static volatile long sink;

  private StoryTermThroughput() {}

  /** Arguments: a JSON Lines file of articles ({@code text}, optional {@code title}), rounds. */
  public static void main(String[] args) throws IOException {
    List<CpuThroughput.Article> articles = CpuThroughput.load(Path.of(args[0]));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int n = articles.size();
    long bytes = CpuThroughput.bodyBytes(articles);
    System.out.printf("%d articles, %.1f MB of body text%n", n, bytes / 1e6);

    WordTokenizer tokenizer = new WordTokenizer();
    NormalizedText[] normalized = new NormalizedText[BATCH]; // of article i at i % BATCH
    Tokens[] tokens = new Tokens[BATCH];
    Tokens[] titleTokens = new Tokens[BATCH];
    StoryTermWeigher weigher = StoryTermWeigher.withDefaults();
    CpuThroughput timer = new CpuThroughput(bytes, BATCH);
    for (int round = 0; round < rounds; round++) {
      System.out.printf("round %d%n", round);
      timer.time(
          "weigh",
          n,
          i -> {
            CpuThroughput.Article article = articles.get(i);
            normalized[i % BATCH] = TextNormalizer.normalize(article.text());
            tokens[i % BATCH] = tokenizer.tokenize(normalized[i % BATCH]);
            titleTokens[i % BATCH] =
                article.title() == null
                    ? Tokens.empty()
                    : tokenizer.tokenize(TextNormalizer.normalize(article.title()));
          },
          i ->
              sink +=
                  weigher
                      .weigh(
                          articles.get(i).text(),
                          normalized[i % BATCH],
                          tokens[i % BATCH],
                          titleTokens[i % BATCH])
                      .size());
    }
    timer.printBest();
  }
}
