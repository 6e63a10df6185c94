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
 * test): MB/s of raw UTF-8 body text, per second of the thread's CPU time and of wall time, for the
 * weigher as it was ({@link ReferenceStoryTermWeigher}) and as it is, each over the whole corpus,
 * every round and best of all rounds. Bodies and titles are normalised and tokenised beforehand, so
 * only the weighing is timed; before timing, the two are checked to agree on every article.
 *
 * <pre>
 * java -jar retold-bench.jar generate -o /tmp/perf-corpus -n 20000 -f jsonl
 * java -cp retold-core/target/classes:retold-core/target/test-classes:$DEPS \
 *     dev.retold.text.StoryTermThroughput /tmp/perf-corpus/articles.jsonl [rounds]
 * </pre>
 */
public final class StoryTermThroughput {
  private static final Map<String, Double> BEST = new LinkedHashMap<>();
  private static volatile long sink;

  private StoryTermThroughput() {}

  /** Arguments: a JSON Lines file of articles ({@code text}, optional {@code title}), rounds. */
  public static void main(String[] args) throws IOException {
    List<String[]> articles = load(Path.of(args[0]));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int n = articles.size();
    String[] bodies = new String[n];
    NormalizedText[] normalized = new NormalizedText[n];
    Tokens[] tokens = new Tokens[n];
    Tokens[] titleTokens = new Tokens[n];
    WordTokenizer tokenizer = new WordTokenizer();
    long bytes = 0;
    for (int i = 0; i < n; i++) {
      bodies[i] = articles.get(i)[0];
      bytes += bodies[i].getBytes(StandardCharsets.UTF_8).length;
      normalized[i] = TextNormalizer.normalize(bodies[i]);
      tokens[i] = tokenizer.tokenize(normalized[i]);
      String title = articles.get(i)[1];
      titleTokens[i] =
          title == null ? Tokens.empty() : tokenizer.tokenize(TextNormalizer.normalize(title));
    }
    System.out.printf("%d articles, %.1f MB of body text%n", n, bytes / 1e6);

    StoryTermWeigher weigher = StoryTermWeigher.withDefaults();
    ReferenceStoryTermWeigher reference = new ReferenceStoryTermWeigher(weigher);
    for (int i = 0; i < n; i++) {
      TermCounts fast = weigher.weigh(bodies[i], normalized[i], tokens[i], titleTokens[i]);
      ReferenceStoryTermWeigher.Counts expected =
          reference.weigh(bodies[i], normalized[i], tokens[i], titleTokens[i]);
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
          i ->
              sink +=
                  reference.weigh(bodies[i], normalized[i], tokens[i], titleTokens[i])
                      .terms()
                      .length);
      time(
          "weigh",
          n,
          bytes,
          i -> sink += weigher.weigh(bodies[i], normalized[i], tokens[i], titleTokens[i]).size());
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
   * Runs {@code work} over all articles; MB/s per second of this thread's CPU time, and of wall
   * time.
   */
  private static void time(String stage, int n, long bytes, IntConsumer work) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long wallStart = System.nanoTime();
    for (int i = 0; i < n; i++) {
      work.accept(i);
    }
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
    double cpuRate = bytes / 1e6 / cpuSeconds;
    System.out.printf(
        "  %-20s %8.1f MB/s CPU %8.1f MB/s wall%n", stage, cpuRate, bytes / 1e6 / wallSeconds);
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
