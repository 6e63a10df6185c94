package dev.retold.bench.cli;

import dev.retold.bench.jmh.BenchmarkSuite;
import dev.retold.bench.jmh.ThroughputReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.RunnerException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retold-bench bench}: runs the signature throughput benchmarks and prints the table. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    version = "retold-bench",
    sortOptions = false,
    description = {
      "Measures, with JMH, how many MB of generated article text per second each",
      "signer turns into a MinHash signature on one core: Retold, Lucene's",
      "MinHashFilter, java-lsh, k-permutation MinHash, hash4j MinHash, and a",
      "split-and-hash-words baseline. Takes 4 to 6 minutes with the defaults. JMH's",
      "progress goes to standard error, the Markdown table to standard output and to",
      "DIR/benchmarks.md, with DIR/benchmarks-summary.json and JMH's",
      "DIR/benchmarks.json."
    })
final class BenchCommand implements Callable<Integer> {
  @Option(
      names = {"-n", "--articles"},
      paramLabel = "N",
      defaultValue = "2000",
      description = "Articles in the batch each operation signs (default: ${DEFAULT-VALUE}).")
  int articles;

  @Option(
      names = {"-s", "--seed"},
      paramLabel = "SEED",
      defaultValue = "42",
      description = "The generator's seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--signers",
      paramLabel = "NAME",
      split = ",",
      description = "Which to run, comma-separated (default: all): ${COMPLETION-CANDIDATES}.",
      completionCandidates = SignerNames.class)
  List<String> signers = BenchmarkSuite.ALL_SIGNERS;

  @Option(
      names = "--shingle-sizes",
      paramLabel = "WORDS",
      split = ",",
      description = "Words per shingle, comma-separated, each >= 2 (default: 3,5).")
  List<Integer> shingleSizes = List.of(3, 5);

  @Option(
      names = "--forks",
      paramLabel = "N",
      defaultValue = "1",
      description = "JMH forks per benchmark (default: ${DEFAULT-VALUE}).")
  int forks;

  @Option(
      names = "--warmup-iterations",
      paramLabel = "N",
      defaultValue = "3",
      description = "Warm-up iterations (default: ${DEFAULT-VALUE}).")
  int warmupIterations;

  @Option(
      names = "--warmup-time",
      paramLabel = "TIME",
      defaultValue = "2s",
      converter = DurationConverter.class,
      description = "Time of each warm-up iteration, e.g. 2s or 500ms (default: 2s).")
  Duration warmupTime;

  @Option(
      names = "--iterations",
      paramLabel = "N",
      defaultValue = "5",
      description = "Measurement iterations (default: ${DEFAULT-VALUE}).")
  int measurementIterations;

  @Option(
      names = "--time",
      paramLabel = "TIME",
      defaultValue = "2s",
      converter = DurationConverter.class,
      description = "Time of each measurement iteration (default: 2s).")
  Duration measurementTime;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      defaultValue = "retold-bench/target",
      description = "Folder for the report files, created if absent (default: ${DEFAULT-VALUE}).")
  Path output;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, RunnerException {
    BenchmarkSuite suite;
    try {
      suite =
          BenchmarkSuite.builder()
              .articles(articles)
              .seed(seed)
              .signers(signers)
              .shingleSizes(shingleSizes)
              .forks(forks)
              .warmup(warmupIterations, warmupTime)
              .measurement(measurementIterations, measurementTime)
              .outputFolder(output)
              .build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    // JMH writes its progress to a PrintStream; standard error keeps it apart from the table.
    ThroughputReport report = suite.run(System.err);
    PrintWriter out = spec.commandLine().getOut();
    out.print(report.toMarkdown());
    out.println();
    out.println(
        "wrote "
            + String.join(
                ", ",
                List.of(
                    BenchmarkSuite.MARKDOWN_FILE,
                    BenchmarkSuite.SUMMARY_FILE,
                    BenchmarkSuite.JMH_FILE))
            + " to "
            + suite.outputFolder());
    out.flush();
    return 0;
  }

  /** The names {@code --signers} accepts, for the help text. */
  static final class SignerNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return BenchmarkSuite.ALL_SIGNERS.iterator();
    }
  }

  /** Reads {@code 2s}, {@code 500ms}, {@code 1m} or an ISO-8601 duration such as {@code PT2S}. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String text = value.trim().toLowerCase(Locale.ROOT);
      try {
        if (text.endsWith("ms")) {
          return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("s") && !text.startsWith("p")) {
          return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        if (text.endsWith("m") && !text.startsWith("p")) {
          return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        return Duration.parse(value.trim());
      } catch (NumberFormatException | DateTimeParseException e) {
        throw new CommandLine.TypeConversionException(
            "not a time such as 2s, 500ms or PT2S: '" + value + "'");
      }
    }
  }
}
