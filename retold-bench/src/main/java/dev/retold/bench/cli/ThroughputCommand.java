package dev.retold.bench.cli;

import dev.retold.bench.ArticleSink;
import dev.retold.bench.ArticleSinks;
import dev.retold.bench.CorpusGenerator;
import dev.retold.bench.GeneratedArticle;
import dev.retold.bench.scale.MeasuredRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retold-bench throughput}: one generated corpus scanned as a folder of files and as one
 * JSON Lines file, each by the command line in a fresh JVM, in megabytes of input per second.
 */
@Command(
    name = "throughput",
    mixinStandardHelpOptions = true,
    version = "retold-bench",
    sortOptions = false,
    description = {
      "Generates one corpus twice, as a folder of text files with front matter and as JSON",
      "Lines (the same articles, the same seed), and times 'retold scan' of each in a fresh",
      "JVM, the two alternating run by run. Prints a Markdown table: input MB (bytes on disk),",
      "the median wall time and MB/s, and the peak resident memory."
    })
final class ThroughputCommand implements Callable<Integer> {
  @Option(
      names = {"-n", "--articles"},
      paramLabel = "N",
      defaultValue = "30000",
      description = "Articles in the corpus (default: ${DEFAULT-VALUE}, about 100 MB).")
  long articles;

  @Option(
      names = {"-s", "--seed"},
      paramLabel = "SEED",
      defaultValue = "42",
      description = "Corpus seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "3",
      description = "Scans of each input; the median is reported (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--heap",
      paramLabel = "SIZE",
      defaultValue = "6g",
      description = "The scan's -Xmx (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(
      names = "--jvm-option",
      paramLabel = "OPTION",
      description =
          "A JVM option for each scan, repeatable (default: -XX:+UseParallelGC, as the"
              + " ./retold launcher runs it).")
  List<String> jvmOptions = new ArrayList<>(List.of("-XX:+UseParallelGC"));

  @Option(
      names = "--semantic",
      paramLabel = "on|off",
      defaultValue = "off",
      description = "Pass --semantic to each scan (default: ${DEFAULT-VALUE}).")
  String semantic;

  @Option(
      names = "--jfr",
      description =
          "Record each scan with Java Flight Recorder (profile settings) in the work folder.")
  boolean jfr;

  @Option(
      names = "--cold",
      description =
          "Do not read the input right before each scan. By default it is read once first, so that"
              + " the scan finds it in the page cache and the figure is Retold's, not the disk's.")
  boolean cold;

  @Option(
      names = "--retold-jar",
      paramLabel = "JAR",
      defaultValue = "retold-cli/target/retold.jar",
      description = "The Retold command line jar (default: ${DEFAULT-VALUE}).")
  Path retoldJar;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      defaultValue = "target/throughput",
      description = "Where the corpora, logs and scan outputs go (default: ${DEFAULT-VALUE}).")
  Path work;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** One input: its name in the table, its path, and its bytes on disk. */
  private record Input(String name, Path path, long bytes) {}

  @Override
  public Integer call() throws IOException {
    if (runs < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be >= 1: " + runs);
    }
    if (!semantic.equals("on") && !semantic.equals("off")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--semantic must be on or off: " + semantic);
    }
    if (!Files.isRegularFile(retoldJar)) {
      throw new IOException(
          "no Retold jar at " + retoldJar + ": build it with ./mvnw -q -B package -DskipTests");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path corpus = work.resolve("corpus-" + articles + "-seed-" + seed);
    Path folder = generate(corpus.resolve("files"), true, err);
    Path jsonLines = generate(corpus.resolve("jsonl"), false, err);
    List<Input> sized =
        List.of(
            new Input("folder", folder, bytesOnDisk(folder)),
            new Input("JSON Lines", jsonLines, bytesOnDisk(jsonLines)));
    double[][] seconds = new double[sized.size()][runs];
    long[] peak = new long[sized.size()];
    for (int run = 0; run < runs; run++) {
      for (int i = 0; i < sized.size(); i++) {
        Input input = sized.get(i);
        String tag = (i == 0 ? "folder" : "jsonl") + "-" + (run + 1);
        List<String> command = command(input.path(), tag);
        err.println("run " + (run + 1) + "/" + runs + ": " + String.join(" ", command));
        err.flush();
        if (!cold) {
          readThrough(input.path());
        }
        MeasuredRun measured = MeasuredRun.run(command, work.resolve("scan-" + tag + ".log"));
        if (measured.exitCode() != 0) {
          throw new IOException(
              "scan failed with exit code "
                  + measured.exitCode()
                  + "; see "
                  + work.resolve("scan-" + tag + ".log"));
        }
        seconds[i][run] = measured.seconds();
        peak[i] = Math.max(peak[i], measured.peakRssBytes());
      }
    }
    StringBuilder table = new StringBuilder();
    table
        .append("| input | MB on disk | wall s (median of ")
        .append(runs)
        .append(") | min–max s | MB/s | peak RSS MB |\n");
    table.append("|---|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < sized.size(); i++) {
      double[] sorted = seconds[i].clone();
      Arrays.sort(sorted);
      double median = sorted[runs / 2];
      double megabytes = sized.get(i).bytes() / 1e6;
      table.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %.2f | %.2f–%.2f | %.1f | %.0f |%n",
              sized.get(i).name(),
              megabytes,
              median,
              sorted[0],
              sorted[runs - 1],
              megabytes / median,
              peak[i] / 1e6));
    }
    out.print(table);
    out.flush();
    Files.writeString(work.resolve("throughput.md"), table, StandardCharsets.UTF_8);
    return 0;
  }

  private List<String> command(Path input, String tag) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.addAll(jvmOptions);
    if (jfr) {
      command.add(
          "-XX:StartFlightRecording=settings=profile,filename="
              + work.resolve("scan-" + tag + ".jfr").toAbsolutePath());
    }
    command.addAll(
        List.of(
            "-jar",
            retoldJar.toString(),
            "scan",
            input.toString(),
            "--format",
            "json",
            "--output",
            work.resolve("scan-" + tag + ".json").toString(),
            "--semantic",
            semantic,
            "--no-progress"));
    return command;
  }

  /** The corpus as files (its articles folder) or as JSON Lines (the file), generated once. */
  private Path generate(Path folder, boolean files, PrintWriter err) throws IOException {
    Path input = files ? folder.resolve("articles") : folder.resolve("articles.jsonl");
    if (Files.isRegularFile(folder.resolve("labels.tsv"))) {
      return input;
    }
    err.println("generating " + articles + " articles into " + folder);
    err.flush();
    CorpusGenerator generator = CorpusGenerator.builder().articles(articles).seed(seed).build();
    try (ArticleSink sink =
        files
            ? ArticleSinks.folder(folder, ArticleSinks.DEFAULT_SHARD_SIZE)
            : ArticleSinks.jsonLines(folder)) {
      for (GeneratedArticle article : generator) {
        sink.accept(article);
      }
    }
    return input;
  }

  private static long bytesOnDisk(Path input) throws IOException {
    long bytes = 0;
    for (Path file : files(input)) {
      bytes += Files.size(file);
    }
    return bytes;
  }

  /** Reads every byte of the input, leaving it in the page cache. */
  private static void readThrough(Path input) throws IOException {
    byte[] buffer = new byte[1 << 16];
    for (Path file : files(input)) {
      try (InputStream in = Files.newInputStream(file)) {
        while (in.read(buffer) >= 0) {
          // only the reading matters
        }
      }
    }
  }

  private static List<Path> files(Path input) throws IOException {
    if (Files.isRegularFile(input)) {
      return List.of(input);
    }
    try (Stream<Path> files = Files.walk(input)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
