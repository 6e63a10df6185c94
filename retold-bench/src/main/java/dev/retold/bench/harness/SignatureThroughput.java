package dev.retold.bench.harness;

import dev.retold.fingerprint.MinHasher;
import dev.retold.text.BodyAnalysis;
import dev.retold.text.NormalizedText;
import dev.retold.text.Shingles;
import dev.retold.text.TextNormalizer;
import dev.retold.text.Tokens;
import dev.retold.text.WordTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A rough single-thread throughput harness for the scan's signature path, run by hand (not a test):
 * MB/s of raw UTF-8 text per second of the thread's CPU time for the whole path as the scan runs it
 * ({@link BodyAnalysis} then {@link MinHasher#sign}) and for each of its steps, each over the whole
 * corpus, every round and best of all rounds. Step rates are relative to the same raw text, so they
 * show each step's share.
 *
 * <pre>
 * java -jar retold-bench/target/retold-bench.jar generate -o /tmp/perf-corpus -n 20000 -f jsonl
 * java -cp retold-bench/target/retold-bench.jar dev.retold.bench.harness.SignatureThroughput \
 *     /tmp/perf-corpus/articles.jsonl [rounds]
 * </pre>
 */
public final class SignatureThroughput {
  private static volatile long sink;

  private SignatureThroughput() {}

  /** Arguments: a JSON Lines file of articles ({@code text}), and how many rounds (5). */
  public static void main(String[] args) throws IOException {
    List<CpuThroughput.Article> articles = CpuThroughput.load(Path.of(args[0]));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    long bytes = CpuThroughput.bodyBytes(articles);
    int n = articles.size();
    System.out.printf("%d texts, %.1f MB%n", n, bytes / 1e6);

    WordTokenizer tokenizer = new WordTokenizer();
    MinHasher minHasher = MinHasher.withDefaults();
    NormalizedText[] normalized = new NormalizedText[n];
    long[][] shingleHashes = new long[n][];
    long[][] shingleSets = new long[n][];
    Tokens[] tokens = new Tokens[n];
    for (int i = 0; i < n; i++) {
      BodyAnalysis analysis = BodyAnalysis.of(articles.get(i).text(), tokenizer, 3);
      normalized[i] = analysis.normalized();
      tokens[i] = analysis.tokens();
      shingleHashes[i] = analysis.shingles();
      shingleSets[i] = analysis.shingleSet();
    }
    CpuThroughput timer = new CpuThroughput(bytes, n);
    for (int round = 0; round < rounds; round++) {
      System.out.printf("round %d%n", round);
      timer.time(
          "whole path (analyse, sign)",
          n,
          i -> {},
          i ->
              sink +=
                  minHasher
                      .sign(BodyAnalysis.of(articles.get(i).text(), tokenizer, 3).shingleSet())
                      .component(0));
      timer.time(
          "normalise",
          n,
          i -> {},
          i -> sink += TextNormalizer.normalize(articles.get(i).text()).length());
      timer.time("tokenise", n, i -> {}, i -> sink += tokenizer.tokenize(normalized[i]).size());
      timer.time("shingle hashes", n, i -> {}, i -> sink += Shingles.hashes(tokens[i], 3).length);
      timer.time(
          "distinct sorted",
          n,
          i -> {},
          i -> sink += Shingles.distinctSorted(shingleHashes[i]).length);
      timer.time("sign", n, i -> {}, i -> sink += minHasher.sign(shingleSets[i]).component(0));
    }
    timer.printBest();
  }
}
