package dev.retold.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A rough single-thread throughput harness for {@link StoryTermWeigher#weigh}, run by hand (not a
 * test): MB/s of raw UTF-8 body text, per second of the thread's CPU time, for the weigher as it
 * was ({@link ReferenceStoryTermWeigher}) and as it is, each over the whole corpus, every round and
 * best of all rounds. Before timing, the two are checked to agree on every article.
 *
 * <p>Only the weighing is timed. As in a scan, where an article is weighed right after it is
 * tokenised, its tokens are fresh in the cache: articles go in batches of {@value #BATCH}, each
 * tokenised (untimed) just before it is weighed; weighing tokens made long before would mostly time
 * memory.
 *
 * <pre>
 * java -jar retold-bench.jar generate -o /tmp/perf-corpus -n 20000 -f jsonl
 * java -cp retold-core/target/classes:retold-core/target/test-classes:$DEPS \
 *     dev.retold.text.StoryTermThroughput /tmp/perf-corpus/articles.jsonl [rounds]
 * </pre>
 */
public final class StoryTermThroughput {
  private static final int BATCH = 16;
  private static final Map<String, Double> BEST = new LinkedHashMap<>();
  private static volatile long sink;

  private StoryTermThroughput() {}

  /** Arguments: a JSON Lines file of articles ({@code text}, optional {@code title}), rounds. */
  public static void main(String[] args) throws IOException {
    List<String[]> articles = load(Path.of(args[0]));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int n = articles.size();
    String[] bodies = new String[n];
    String[] titles = new String[n];
    long bytes = 0;
    for (int i = 0; i < n; i++) {
      bodies[i] = articles.get(i)[0];
      titles[i] = articles.get(i)[1];
      bytes += bodies[i].getBytes(StandardCharsets.UTF_8).length;
    }
    System.out.printf("%d articles, %.1f MB of body text%n", n, bytes / 1e6);

    WordTokenizer tokenizer = new WordTokenizer();
    NormalizedText[] normalized = new NormalizedText[BATCH]; // of article i at i % BATCH
    Tokens[] tokens = new Tokens[BATCH];
    Tokens[] titleTokens = new Tokens[BATCH];
    IntConsumer analyse =
        i -> {
          normalized[i % BATCH] = TextNormalizer.normalize(bodies[i]);
          tokens[i % BATCH] = tokenizer.tokenize(normalized[i % BATCH]);
          titleTokens[i % BATCH] =
              titles[i] == null
                  ? Tokens.empty()
                  : tokenizer.tokenize(TextNormalizer.normalize(titles[i]));
        };
    StoryTermWeigher weigher = StoryTermWeigher.withDefaults();
    ReferenceStoryTermWeigher reference = new ReferenceStoryTermWeigher(weigher);
    for (int i = 0; i < n; i++) {
      analyse.accept(i);
      TermCounts fast =
          weigher.weigh(
              bodies[i], normalized[i % BATCH], tokens[i % BATCH], titleTokens[i % BATCH]);
      ReferenceStoryTermWeigher.Counts expected =
          reference.weigh(
              bodies[i], normalized[i % BATCH], tokens[i % BATCH], titleTokens[i % BATCH]);
      if (!same(fast, expected)) {
        throw new AssertionError("article " + i + " weighs differently");
      }
    }
    System.out.println("the two agree on every article");

    for (int round = 0; round < rounds; round++) {
      System.out.printf("round %d%n", round);
      time(
          "weigh, as it was",
          n,
          bytes,
          analyse,
          i ->
              sink +=
                  reference
                      .weigh(
                          bodies[i],
                          normalized[i % BATCH],
                          tokens[i % BATCH],
                          titleTokens[i % BATCH])
                      .terms()
                      .length);
      time(
          "weigh",
          n,
          bytes,
          analyse,
          i ->
              sink +=
                  weigher
                      .weigh(
                          bodies[i],
                          normalized[i % BATCH],
                          tokens[i % BATCH],
                          titleTokens[i % BATCH])
                      .size());
    }
    System.out.println("best round (CPU), the least disturbed by other processes:");
    BEST.forEach((stage, best) -> System.out.printf("  %-20s %8.1f MB/s%n", stage, best));
  }

  private static boolean same(TermCounts counts, ReferenceStoryTermWeigher.Counts expected) {
    long[] terms = new long[counts.size()];
    long[] weightBits = new long[counts.size()];
    long[] expectedBits = new long[expected.weights().length];
    for (int i = 0; i < counts.size(); i++) {
      terms[i] = counts.term(i);
      weightBits[i] = Double.doubleToRawLongBits(counts.weight(i));
    }
    for (int i = 0; i < expectedBits.length; i++) {
      expectedBits[i] = Double.doubleToRawLongBits(expected.weights()[i]);
    }
    return Arrays.equals(terms, expected.terms()) && Arrays.equals(weightBits, expectedBits);
  }

  /**
   * Runs {@code work} over all articles, batch by batch, each batch made ready by {@code prepare}
   * first; MB/s per second of this thread's CPU time in {@code work}.
   */
  private static void time(String stage, int n, long bytes, IntConsumer prepare, IntConsumer work) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuNanos = 0;
    for (int from = 0; from < n; from += BATCH) {
      int to = Math.min(n, from + BATCH);
      for (int i = from; i < to; i++) {
        prepare.accept(i);
      }
      long cpuStart = threads.getCurrentThreadCpuTime();
      for (int i = from; i < to; i++) {
        work.accept(i);
      }
      cpuNanos += threads.getCurrentThreadCpuTime() - cpuStart;
    }
    double cpuRate = bytes / 1e6 / (cpuNanos / 1e9);
    System.out.printf("  %-20s %8.1f MB/s CPU%n", stage, cpuRate);
    BEST.merge(stage, cpuRate, Math::max);
  }

  /** Each article's body and title (null when it has none). */
  private static List<String[]> load(Path jsonl) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<String[]> articles = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          JsonNode node = mapper.readTree(line);
          JsonNode title = node.get("title");
          articles.add(
              new String[] {node.get("text").asText(), title == null ? null : title.asText()});
        }
      }
    }
    return articles;
  }
}
