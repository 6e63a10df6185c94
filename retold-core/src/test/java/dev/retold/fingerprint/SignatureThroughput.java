package dev.retold.fingerprint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retold.text.NormalizedText;
import dev.retold.text.Shingles;
import dev.retold.text.TextNormalizer;
import dev.retold.text.Tokens;
import dev.retold.text.WordTokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A rough single-thread throughput harness for the signature path, run by hand (not a test): MB/s
 * of raw UTF-8 text (per second of the thread's CPU time, and of wall time) for {@link
 * TextSigner#sign(String)} and for each stage the scan calls, each over the whole corpus, every
 * round and best of all rounds. Stage rates are relative to the same raw text, so they show each
 * stage's share. JMH benchmarks are the proper measurement; this is for quick guidance while
 * tuning.
 *
 * <pre>
 * java -jar retold-bench.jar generate -o /tmp/perf-corpus -n 20000 -f jsonl
 * java -cp retold-core/target/classes:retold-core/target/test-classes:$DEPS \
 *     dev.retold.fingerprint.SignatureThroughput /tmp/perf-corpus/articles.jsonl [rounds]
 * </pre>
 */
public final class SignatureThroughput {
  private static final Map<String, Double> BEST = new LinkedHashMap<>();
  private static volatile long sink;

  private SignatureThroughput() {}

  public static void main(String[] args) throws IOException {
    List<String> texts = load(Path.of(args[0]));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    long bytes = 0;
    for (String text : texts) {
      bytes += text.getBytes(StandardCharsets.UTF_8).length;
    }
    int n = texts.size();
    System.out.printf("%d texts, %.1f MB%n", n, bytes / 1e6);

    WordTokenizer tokenizer = new WordTokenizer();
    MinHasher minHasher = MinHasher.withDefaults();
    TextSigner signer = TextSigner.withDefaults();
    NormalizedText[] normalized = new NormalizedText[n];
    long[][] termHashes = new long[n][];
    long[][] shingleHashes = new long[n][];
    long[][] shingleSets = new long[n][];
    for (int i = 0; i < n; i++) {
      normalized[i] = TextNormalizer.normalize(texts.get(i));
      Tokens tokens = tokenizer.tokenize(normalized[i]);
      termHashes[i] = new long[tokens.size()];
      for (int t = 0; t < tokens.size(); t++) {
        termHashes[i][t] = tokens.termHash(t);
      }
      shingleHashes[i] = Shingles.hashes(termHashes[i], 3);
      shingleSets[i] = Shingles.distinctSorted(shingleHashes[i]);
    }

    for (int round = 0; round < rounds; round++) {
      System.out.printf("round %d%n", round);
      time(
          "whole path (TextSigner.sign)",
          n,
          bytes,
          i -> sink += signer.sign(texts.get(i)).component(0));
      time("normalise", n, bytes, i -> sink += TextNormalizer.normalize(texts.get(i)).length());
      time("tokenise", n, bytes, i -> sink += tokenizer.tokenize(normalized[i]).size());
      time("shingle hashes", n, bytes, i -> sink += Shingles.hashes(termHashes[i], 3).length);
      time(
          "distinct sorted",
          n,
          bytes,
          i -> sink += Shingles.distinctSorted(shingleHashes[i]).length);
      time("sign", n, bytes, i -> sink += minHasher.sign(shingleSets[i]).component(0));
    }
    System.out.println("best round (CPU), the least disturbed by other processes:");
    BEST.forEach((stage, best) -> System.out.printf("  %-30s %8.1f MB/s%n", stage, best));
  }

  /**
   * Runs {@code work} over all texts; MB/s per second of this thread's CPU time, and of wall time.
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
        "  %-30s %8.1f MB/s CPU %8.1f MB/s wall%n", stage, cpuRate, bytes / 1e6 / wallSeconds);
    BEST.merge(stage, cpuRate, Math::max);
  }

  private static List<String> load(Path jsonl) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          JsonNode node = mapper.readTree(line);
          texts.add(node.get("text").asText());
        }
      }
    }
    return texts;
  }
}
