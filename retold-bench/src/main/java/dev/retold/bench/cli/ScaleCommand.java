package dev.retold.bench.cli;

import dev.retold.bench.ArticleSink;
import dev.retold.bench.ArticleSinks;
import dev.retold.bench.CorpusGenerator;
import dev.retold.bench.GeneratedArticle;
import dev.retold.bench.scale.MeasuredRun;
import dev.retold.bench.scale.PlantedPairs;
import dev.retold.bench.scale.ScalePlot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retold-bench scale}: runs {@code retold scan} end to end on generated corpora of growing
 * size, each in a fresh JVM with a fixed heap, and reports wall time, peak memory and the recall
 * and precision of the planted pairs per relation, with a log-log plot.
 */
@Command(
    name = "scale",
    mixinStandardHelpOptions = true,
    version = "retold-bench",
    sortOptions = false,
    description = {
      "Generates JSON Lines corpora of each size (kept in --work and reused), runs",
      "'java -Xmx<heap> -jar <retold jar> scan corpus.jsonl --format json' on each in a fresh",
      "JVM, and prints a Markdown table: articles, MB of text, wall time, peak RSS, pairs,",
      "and recall / precision of the planted NEAR_DUPLICATE, DERIVED and SAME_STORY pairs.",
      "Writes scale.md, scale.csv and scale.png to --report."
    })
final class ScaleCommand implements Callable<Integer> {
  @Option(
      names = {"-n", "--articles"},
      paramLabel = "N",
      split = ",",
      defaultValue = "10000,100000",
      description = "Corpus sizes, comma-separated (default: ${DEFAULT-VALUE}).")
  List<Long> sizes;

  @Option(
      names = {"-s", "--seed"},
      defaultValue = "42",
      description = "Corpus seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--heap",
      defaultValue = "6g",
      description = "The scan's -Xmx (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(
      names = "--retold-jar",
      defaultValue = "retold-cli/target/retold.jar",
      description = "The Retold command line jar (default: ${DEFAULT-VALUE}).")
  Path retoldJar;

  @Option(
      names = "--work",
      defaultValue = "${java.io.tmpdir}/retold-scale",
      description = "Where corpora and scan outputs go (default: ${DEFAULT-VALUE}).")
  Path work;

  @Option(
      names = "--report",
      defaultValue = "retold-bench/target",
      description = "Where scale.md, scale.csv and scale.png go (default: ${DEFAULT-VALUE}).")
  Path report;

  @Option(
      names = "--semantic",
      paramLabel = "on|off",
      defaultValue = "off",
      description =
          "Pass --semantic to each scan (default: ${DEFAULT-VALUE}, the lexical story score, so"
              + " the figures compare with earlier runs; on for the command line's default).")
  String semantic;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!semantic.equals("on") && !semantic.equals("off")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--semantic must be on or off: " + semantic);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(retoldJar)) {
      throw new IOException(
          "no Retold jar at " + retoldJar + ": build it with ./mvnw -q -B package -DskipTests");
    }
    Files.createDirectories(report);
    List<String> rows = new ArrayList<>();
    List<String> csv = new ArrayList<>();
    csv.add(
        "articles,text_mb,seconds,peak_rss_mb,pairs,relation,planted,found,recall,reported,precision");
    List<ScalePlot.Point> points = new ArrayList<>();
    rows.add(
        "| articles | text MB | wall s | peak RSS MB | NEAR_DUPLICATE R / P | DERIVED R / P |"
            + " SAME_STORY R / P |");
    rows.add("|---:|---:|---:|---:|---|---|---|");
    for (long size : sizes) {
      Path corpus = corpus(size, err);
      Path jsonl = corpus.resolve("articles.jsonl");
      Path scan = work.resolve("scan-" + size + ".json");
      List<String> command =
          List.of(
              javaBinary(),
              "-Xmx" + heap,
              "-jar",
              retoldJar.toString(),
              "scan",
              jsonl.toString(),
              "--format",
              "json",
              "--output",
              scan.toString(),
              "--semantic",
              semantic,
              "--no-progress");
      err.println("scanning " + size + " articles: " + String.join(" ", command));
      err.flush();
      MeasuredRun run = MeasuredRun.run(command, work.resolve("scan-" + size + ".log"));
      if (run.exitCode() != 0) {
        throw new IOException(
            "scan of "
                + size
                + " articles failed with exit code "
                + run.exitCode()
                + "; see "
                + work.resolve("scan-" + size + ".log"));
      }
      double textMb = Files.size(jsonl) / 1e6;
      double rssMb = run.peakRssBytes() / 1e6;
      Map<String, PlantedPairs.Score> scores =
          PlantedPairs.read(corpus.resolve("labels.tsv")).score(scan);
      StringBuilder row =
          new StringBuilder(
              String.format(
                  Locale.ROOT, "| %,d | %.0f | %.1f | %.0f |", size, textMb, run.seconds(), rssMb));
      for (String relation : List.of("NEAR_DUPLICATE", "DERIVED", "SAME_STORY")) {
        PlantedPairs.Score score = scores.get(relation);
        row.append(
            score == null
                ? " – |"
                : String.format(Locale.ROOT, " %.4f / %.4f |", score.recall(), score.precision()));
        if (score != null) {
          csv.add(
              String.format(
                  Locale.ROOT,
                  "%d,%.1f,%.2f,%.0f,%d,%s,%d,%d,%.4f,%d,%.4f",
                  size,
                  textMb,
                  run.seconds(),
                  rssMb,
                  scores.values().stream().mapToInt(PlantedPairs.Score::reported).sum(),
                  relation,
                  score.planted(),
                  score.found(),
                  score.recall(),
                  score.reported(),
                  score.precision()));
        }
      }
      rows.add(row.toString());
      points.add(new ScalePlot.Point(size, run.seconds(), rssMb));
      err.println(row);
      err.flush();
    }
    String table = String.join("\n", rows) + "\n";
    out.print(table);
    out.flush();
    Files.writeString(report.resolve("scale.md"), table, StandardCharsets.UTF_8);
    Files.write(report.resolve("scale.csv"), csv, StandardCharsets.UTF_8);
    if (points.size() > 1) {
      ScalePlot.write(points, report.resolve("scale.png"));
    }
    return 0;
  }

  /** The corpus of {@code size} articles, generated once into the work folder. */
  private Path corpus(long size, PrintWriter err) throws IOException {
    Path folder = work.resolve("corpus-" + size + "-seed-" + seed);
    if (Files.isRegularFile(folder.resolve("labels.tsv"))) {
      return folder;
    }
    err.println("generating " + size + " articles into " + folder);
    err.flush();
    CorpusGenerator generator = CorpusGenerator.builder().articles(size).seed(seed).build();
    try (ArticleSink sink = ArticleSinks.jsonLines(folder)) {
      for (GeneratedArticle article : generator) {
        sink.accept(article);
      }
    }
    return folder;
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
