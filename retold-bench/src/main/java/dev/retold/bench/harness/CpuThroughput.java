package dev.retold.bench.harness;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * What the hand-run harnesses share: the articles of a JSON Lines corpus, and the timing of one
 * stage over all of them in MB/s of raw UTF-8 body text per second of this thread's CPU time, with
 * the best round of each stage kept. JMH is the proper measurement; these give quick guidance, a
 * stage at a time, while tuning.
 */
final class CpuThroughput {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<String, Double> best = new LinkedHashMap<>();
  private final long bytes;
  private final int batch;

  /**
   * A timer for a corpus of {@code bytes} bytes of body text, worked {@code batch} articles at a
   * time (each batch prepared, untimed, just before it is timed).
   */
  CpuThroughput(long bytes, int batch) {
    this.bytes = bytes;
    this.batch = batch;
  }

  /**
   * One article of a corpus.
   *
   * @param text its body
   * @param title its title, or null
   */
  record Article(String text, String title) {}

  /** The articles of a JSON Lines file ({@code text}, optional {@code title}), in file order. */
  static List<Article> load(Path jsonl) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<Article> articles = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          JsonNode node = mapper.readTree(line);
          JsonNode title = node.get("title");
          articles.add(
              new Article(node.get("text").asText(), title == null ? null : title.asText()));
        }
      }
    }
    return articles;
  }

  /** The UTF-8 bytes of the articles' bodies. */
  static long bodyBytes(List<Article> articles) {
    long bytes = 0;
    for (Article article : articles) {
      bytes += article.text().getBytes(StandardCharsets.UTF_8).length;
    }
    return bytes;
  }

  /**
   * Runs {@code work} on articles {@code 0..n-1}, a batch at a time, each batch made ready by
   * {@code prepare} first (untimed); prints and keeps the rate.
   */
  void time(String stage, int n, IntConsumer prepare, IntConsumer work) {
    long cpuNanos = 0;
    for (int from = 0; from < n; from += batch) {
      int to = Math.min(n, from + batch);
      for (int i = from; i < to; i++) {
        prepare.accept(i);
      }
      long cpuStart = threads.getCurrentThreadCpuTime();
      for (int i = from; i < to; i++) {
        work.accept(i);
      }
      cpuNanos += threads.getCurrentThreadCpuTime() - cpuStart;
    }
    double rate = bytes / 1e6 / (cpuNanos / 1e9);
    System.out.printf("  %-30s %8.1f MB/s CPU%n", stage, rate);
    best.merge(stage, rate, Math::max);
  }

  /** Prints each stage's best round. */
  void printBest() {
    System.out.println("best round (CPU), the least disturbed by other processes:");
    best.forEach((stage, rate) -> System.out.printf("  %-30s %8.1f MB/s%n", stage, rate));
  }
}
