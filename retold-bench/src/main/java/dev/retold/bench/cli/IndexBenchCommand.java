package dev.retold.bench.cli;

import dev.retold.Article;
import dev.retold.Retold;
import dev.retold.ScanResult;
import dev.retold.StoryIndex;
import dev.retold.TextEmbedder;
import dev.retold.bench.CorpusGenerator;
import dev.retold.bench.GeneratedArticle;
import dev.retold.evaluate.ClusterLabels;
import dev.retold.evaluate.ClusteringScores;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retold-bench index}: builds a story index of generated articles, batch by batch, then
 * queries it with articles it does not hold; reports ingest in articles a second, query latency
 * (p50, p99), the index's size on disk and the JVM's peak resident memory.
 */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    version = "retold-bench",
    sortOptions = false,
    description = {
      "Adds N generated articles to a new story index in batches (one commit each), then",
      "queries it with Q more articles of the same corpus that it does not hold. Prints a",
      "Markdown table: ingest (articles/s overall and for the last batch), query latency",
      "p50 and p99, the index's size on disk, and this JVM's peak resident memory."
    })
final class IndexBenchCommand implements Callable<Integer> {
  @Option(
      names = {"-n", "--articles"},
      paramLabel = "N",
      defaultValue = "10000",
      description = "Articles added (default: ${DEFAULT-VALUE}).")
  int articles;

  @Option(
      names = "--batch",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Articles an add (and a commit) holds (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--queries",
      paramLabel = "Q",
      defaultValue = "20",
      description = "Queries timed (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(
      names = {"-s", "--seed"},
      paramLabel = "SEED",
      defaultValue = "42",
      description = "Corpus seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--semantic",
      paramLabel = "on|off",
      defaultValue = "off",
      description = "Match with the bundled semantic signal (default: ${DEFAULT-VALUE}).")
  String semantic;

  @Option(
      names = "--regroup-up-to",
      paramLabel = "N",
      description =
          "Regroup every article on each add while the index holds at most N, place new ones"
              + " past it (default: always regroup).")
  Integer regroupUpTo;

  @Option(
      names = "--agreement",
      description =
          "Also scan the added articles at once and print how far the index's stories agree with"
              + " the scan's (pairwise precision, recall and F1, the scan's as truth).")
  boolean agreement;

  @Option(
      names = "--labelled",
      paramLabel = "DIR",
      description =
          "Instead of generated articles, add a labelled corpus (DIR/articles and"
              + " DIR/labels.tsv, as the dev suite's) in an order shuffled by --seed, and print"
              + " the pairwise precision, recall and F1 of the index's stories and of one scan's"
              + " against the labels, and of the index's against the scan's.")
  Path labelled;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      required = true,
      description = "Where the index is built; it must be absent or empty.")
  Path work;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (articles < 1 || batch < 1 || queries < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--articles, --batch and --queries must be 1 or more");
    }
    if (!semantic.equals("on") && !semantic.equals("off")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--semantic must be on or off: " + semantic);
    }
    if (Files.isDirectory(work)) {
      try (Stream<Path> entries = Files.list(work)) {
        if (entries.findAny().isPresent()) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--work must be absent or empty: " + work);
        }
      }
    }
    Retold.Builder builder = Retold.builder();
    if (semantic.equals("on")) {
      builder.embedder(TextEmbedder.installed().orElseThrow());
    }
    PrintWriter err = spec.commandLine().getErr();
    long ingestNanos = 0;
    long lastBatchNanos = 0;
    int lastBatch = 0;
    long[] latencies = new long[queries];
    Retold retold = builder.build();
    ClusteringScores agreed = null;
    if (regroupUpTo != null && regroupUpTo < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--regroup-up-to must be 0 or more: " + regroupUpTo);
    }
    int regroup = regroupUpTo == null ? StoryIndex.REGROUP_UP_TO : regroupUpTo;
    if (labelled != null) {
      return labelledCorpus(retold, regroup, err);
    }
    // the corpus is generated as it is added, a batch at a time: a million articles do not fit
    List<Article> added = agreement ? new ArrayList<>() : null;
    List<Article> queried = new ArrayList<>();
    try (StoryIndex index = StoryIndex.open(work, retold, regroup)) {
      List<Article> part = new ArrayList<>(batch);
      int count = 0;
      for (GeneratedArticle generated :
          CorpusGenerator.builder().seed(seed).articles((long) articles + queries).build()) {
        Article article =
            Article.of(generated.id(), generated.text())
                .withTitleAndDate(generated.title(), LocalDate.parse(generated.date()));
        if (count++ >= articles) {
          queried.add(article);
          continue;
        }
        part.add(article);
        if (added != null) {
          added.add(article);
        }
        if (part.size() == batch || count == articles) {
          long started = System.nanoTime();
          index.add(part);
          lastBatchNanos = System.nanoTime() - started;
          lastBatch = part.size();
          ingestNanos += lastBatchNanos;
          err.printf(Locale.ROOT, "added %d/%d%n", count, articles);
          err.flush();
          part = new ArrayList<>(batch);
        }
      }
      for (int q = 0; q < queries; q++) {
        long started = System.nanoTime();
        index.query(queried.get(q));
        latencies[q] = System.nanoTime() - started;
      }
      if (agreement) {
        List<String> ids = added.stream().map(Article::id).toList();
        agreed =
            ClusteringScores.of(
                storyOfEach(index.stories(), ids, id -> id),
                storyOfEach(retold.scan(added), ids, id -> id));
      }
    }
    Arrays.sort(latencies);
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "| articles | batch | ingest articles/s | last batch articles/s | query p50 ms"
            + " | query p99 ms | index MB on disk | peak RSS MB |");
    out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
    out.printf(
        Locale.ROOT,
        "| %d | %d | %.0f | %.0f | %.0f | %.0f | %.1f | %.0f |%n",
        articles,
        batch,
        articles / (ingestNanos / 1e9),
        lastBatch / (lastBatchNanos / 1e9),
        percentile(latencies, 50) / 1e6,
        percentile(latencies, 99) / 1e6,
        size(work) / 1e6,
        peakRssMegabytes());
    if (agreed != null) {
      out.printf(
          Locale.ROOT,
          "%nAgreement with one scan of the %d articles: pairwise precision %.4f, recall %.4f,"
              + " F1 %.4f%n",
          articles,
          agreed.pairwisePrecision(),
          agreed.pairwiseRecall(),
          agreed.pairwiseF1());
    }
    out.flush();
    return 0;
  }

  /**
   * Adds the labelled corpus's files in an order shuffled by the seed, {@code batch} a call, and
   * prints how the index's stories and one scan's score against the labels.
   */
  private int labelledCorpus(Retold retold, int regroup, PrintWriter err) throws IOException {
    Map<String, String> gold = ClusterLabels.read(labelled.resolve("labels.tsv"));
    Path folder = labelled.resolve("articles");
    List<Path> files;
    try (Stream<Path> listed = Files.list(folder)) {
      files = listed.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    Collections.shuffle(files, new Random(seed));
    Map<String, String> indexed;
    long started = System.nanoTime();
    try (StoryIndex index = StoryIndex.open(work, retold, regroup)) {
      for (int from = 0; from < files.size(); from += batch) {
        index.addFiles(files.subList(from, Math.min(files.size(), from + batch)));
        err.printf(
            Locale.ROOT, "added %d/%d%n", Math.min(files.size(), from + batch), files.size());
        err.flush();
      }
      indexed = storyOfEach(index.stories(), gold.keySet(), IndexBenchCommand::fileName);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Map<String, String> scanned =
        storyOfEach(retold.scan(folder), gold.keySet(), IndexBenchCommand::fileName);
    PrintWriter out = spec.commandLine().getOut();
    out.println("| stories of | against | pair P | pair R | pair F1 |");
    out.println("|---|---|---:|---:|---:|");
    row(out, "the index", "the labels", ClusteringScores.of(indexed, gold));
    row(out, "one scan", "the labels", ClusteringScores.of(scanned, gold));
    row(out, "the index", "one scan", ClusteringScores.of(indexed, scanned));
    out.printf(
        Locale.ROOT,
        "%n%d files added in %d calls, %.0f articles/s%n",
        files.size(),
        (files.size() + batch - 1) / batch,
        files.size() / seconds);
    out.flush();
    return 0;
  }

  private static void row(PrintWriter out, String stories, String against, ClusteringScores s) {
    out.printf(
        Locale.ROOT,
        "| %s | %s | %.4f | %.4f | %.4f |%n",
        stories,
        against,
        s.pairwisePrecision(),
        s.pairwiseRecall(),
        s.pairwiseF1());
  }

  /**
   * The story id of each of {@code keys}, an article known by {@code keyOf} of its id (the id
   * itself, or its file name as labels name it): its story's (canonical article and members alike),
   * or a name of its own when it is in none, so that every article counts on both sides.
   */
  private static Map<String, String> storyOfEach(
      ScanResult result, Collection<String> keys, UnaryOperator<String> keyOf) {
    Map<String, String> storyOf = new HashMap<>();
    result.storyIndex().forEach((id, story) -> storyOf.put(keyOf.apply(id), story.id()));
    Map<String, String> each = new HashMap<>();
    for (String key : keys) {
      each.put(key, storyOf.getOrDefault(key, "alone " + key));
    }
    return each;
  }

  private static String fileName(String id) {
    return Path.of(id).getFileName().toString();
  }

  /** The nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static long size(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(IndexBenchCommand::sizeOf).sum();
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException gone) {
      return 0;
    }
  }

  /** This JVM's peak resident set (VmHWM), or -1 where /proc does not tell it. */
  private static double peakRssMegabytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException unknown) {
      // not Linux: unknown
    }
    return -1;
  }
}
