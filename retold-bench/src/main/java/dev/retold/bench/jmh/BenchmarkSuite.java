package dev.retold.bench.jmh;

import dev.retold.bench.signers.ShingleSigners;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link SignatureThroughputBenchmark} through JMH's Runner API, converts operations per
 * second to MB/s with the batch's UTF-8 size, and writes three files to the output folder: {@value
 * #MARKDOWN_FILE} (the table), {@value #SUMMARY_FILE} (the same as JSON) and {@value #JMH_FILE}
 * (JMH's own JSON results, in operations per second). With the defaults, eleven benchmarks of about
 * 20 seconds each take four to six minutes.
 */
public final class BenchmarkSuite {
  /** The name of the word-hashing baseline among the signers. */
  public static final String BASELINE = "word-hash-baseline";

  /** What the baseline computes, for the report. */
  public static final String BASELINE_DESCRIPTION =
      "split on non-letters, komihash each word; no shingles, no signature";

  /** Every signer the suite can run, the baseline first. */
  public static final List<String> ALL_SIGNERS = allSigners();

  /** The Markdown table. */
  public static final String MARKDOWN_FILE = "benchmarks.md";

  /** The table as JSON. */
  public static final String SUMMARY_FILE = "benchmarks-summary.json";

  /** JMH's results. */
  public static final String JMH_FILE = "benchmarks.json";

  /** The baseline first, then by shingle size, then in {@link #ALL_SIGNERS} order. */
  private static final Comparator<ThroughputRow> ROW_ORDER =
      Comparator.comparingInt(ThroughputRow::shingleSize)
          .thenComparingInt(row -> ALL_SIGNERS.indexOf(row.signer()));

  private static final String SIGN = "signBatch";
  private static final String HASH_WORDS = "hashWordsBatch";

  private final int articles;
  private final long seed;
  private final List<Integer> shingleSizes;
  private final List<String> signers;
  private final int forks;
  private final int warmupIterations;
  private final Duration warmupTime;
  private final int measurementIterations;
  private final Duration measurementTime;
  private final Path outputFolder;

  private BenchmarkSuite(Builder builder) {
    this.articles = builder.articles;
    this.seed = builder.seed;
    this.shingleSizes = builder.shingleSizes;
    this.signers = builder.signers;
    this.forks = builder.forks;
    this.warmupIterations = builder.warmupIterations;
    this.warmupTime = builder.warmupTime;
    this.measurementIterations = builder.measurementIterations;
    this.measurementTime = builder.measurementTime;
    this.outputFolder = builder.outputFolder;
  }

  /** A builder; see {@link Builder} for the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Where the files go. */
  public Path outputFolder() {
    return outputFolder;
  }

  /**
   * Runs the benchmarks, JMH's progress going to {@code log}, writes the files, and returns the
   * report.
   *
   * @throws RunnerException if JMH fails, or a benchmark does
   */
  public ThroughputReport run(PrintStream log) throws RunnerException, IOException {
    Files.createDirectories(outputFolder);
    BenchmarkCorpus corpus = BenchmarkCorpus.generate(articles, seed);
    // Other processes on the machine skew single-core numbers; the report says how busy it was.
    double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Collection<RunResult> results =
        new Runner(
                options().build(),
                OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL))
            .run();
    List<ThroughputRow> rows = new ArrayList<>();
    String setup = null;
    for (RunResult result : results) {
      rows.add(row(result, corpus.utf8Bytes()));
      setup = setup(result.getParams(), loadAverage);
    }
    rows.sort(ROW_ORDER);
    ThroughputReport report =
        new ThroughputReport(
            articles, seed, corpus.utf8Bytes(), setup == null ? "(nothing ran)" : setup, rows);
    Files.writeString(
        outputFolder.resolve(MARKDOWN_FILE), report.toMarkdown(), StandardCharsets.UTF_8);
    Files.writeString(outputFolder.resolve(SUMMARY_FILE), report.toJson(), StandardCharsets.UTF_8);
    return report;
  }

  private ChainedOptionsBuilder options() {
    List<String> methods = new ArrayList<>();
    List<String> signerNames = new ArrayList<>();
    for (String signer : signers) {
      if (signer.equals(BASELINE)) {
        methods.add(HASH_WORDS);
      } else {
        signerNames.add(signer);
      }
    }
    if (!signerNames.isEmpty()) {
      methods.add(SIGN);
    }
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(
                "^"
                    + Pattern.quote(SignatureThroughputBenchmark.class.getName())
                    + "\\.("
                    + String.join("|", methods)
                    + ")$")
            .param("articles", Integer.toString(articles))
            .param("seed", Long.toString(seed))
            .threads(1)
            .forks(forks)
            .warmupIterations(warmupIterations)
            .warmupTime(timeValue(warmupTime))
            .measurementIterations(measurementIterations)
            .measurementTime(timeValue(measurementTime))
            .shouldFailOnError(true)
            .resultFormat(ResultFormatType.JSON)
            .result(outputFolder.resolve(JMH_FILE).toString());
    if (!signerNames.isEmpty()) {
      options
          .param("signer", signerNames.toArray(String[]::new))
          .param("shingleSize", shingleSizes.stream().map(String::valueOf).toArray(String[]::new));
    }
    return options;
  }

  /** JMH's time, in whole seconds when it is some, so the report reads "2 s". */
  private static TimeValue timeValue(Duration time) {
    long millis = time.toMillis();
    return millis % 1000 == 0 ? TimeValue.seconds(millis / 1000) : TimeValue.milliseconds(millis);
  }

  private static ThroughputRow row(RunResult result, long batchBytes) {
    BenchmarkParams params = result.getParams();
    double score = result.getPrimaryResult().getScore();
    double error = result.getPrimaryResult().getScoreError();
    if (params.getBenchmark().endsWith("." + HASH_WORDS)) {
      return new ThroughputRow(BASELINE, 0, BASELINE_DESCRIPTION, score, error, batchBytes);
    }
    String signer = params.getParam("signer");
    int shingleSize = Integer.parseInt(params.getParam("shingleSize"));
    String description = ShingleSigners.named(signer, shingleSize).description();
    return new ThroughputRow(signer, shingleSize, description, score, error, batchBytes);
  }

  private static String setup(BenchmarkParams params, double loadAverage) {
    return String.format(
        Locale.ROOT,
        "JMH %s, %d fork(s), warmup %d x %s, measurement %d x %s; %s %s (JDK %s); %d processors,"
            + " load average %s at start.",
        params.getJmhVersion(),
        params.getForks(),
        params.getWarmup().getCount(),
        params.getWarmup().getTime(),
        params.getMeasurement().getCount(),
        params.getMeasurement().getTime(),
        params.getVmName(),
        params.getVmVersion(),
        params.getJdkVersion(),
        Runtime.getRuntime().availableProcessors(),
        loadAverage < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", loadAverage));
  }

  private static List<String> allSigners() {
    List<String> all = new ArrayList<>();
    all.add(BASELINE);
    all.addAll(ShingleSigners.NAMES);
    return List.copyOf(all);
  }

  /**
   * Configures a {@link BenchmarkSuite}. Defaults: {@code articles} 2000 (about 7 MB), {@code seed}
   * 42, {@code shingleSizes} 3 and 5, {@code signers} all of {@link #ALL_SIGNERS}, {@code forks} 1,
   * {@code warmupIterations} 3 of {@code warmupTime} 2 s, {@code measurementIterations} 5 of {@code
   * measurementTime} 2 s, {@code outputFolder} {@code retold-bench/target} (relative to the working
   * folder). Not thread-safe.
   */
  public static final class Builder {
    private int articles = 2000;
    private long seed = 42;
    private List<Integer> shingleSizes = List.of(3, 5);
    private List<String> signers = ALL_SIGNERS;
    private int forks = 1;
    private int warmupIterations = 3;
    private Duration warmupTime = Duration.ofSeconds(2);
    private int measurementIterations = 5;
    private Duration measurementTime = Duration.ofSeconds(2);
    private Path outputFolder = Path.of("retold-bench", "target");

    private Builder() {}

    /** Articles in the batch, > 0. */
    public Builder articles(int articles) {
      if (articles <= 0) {
        throw new IllegalArgumentException("articles must be > 0: " + articles);
      }
      this.articles = articles;
      return this;
    }

    /** The generator's seed; any value. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Words per shingle to measure each signer at, each >= 2; at least one. */
    public Builder shingleSizes(List<Integer> shingleSizes) {
      if (shingleSizes.isEmpty()) {
        throw new IllegalArgumentException("shingleSizes must not be empty");
      }
      for (int size : shingleSizes) {
        if (size < 2) {
          throw new IllegalArgumentException("shingle sizes must be >= 2: " + size);
        }
      }
      this.shingleSizes = shingleSizes.stream().distinct().sorted().toList();
      return this;
    }

    /** The signers to run, from {@link #ALL_SIGNERS}; at least one. */
    public Builder signers(List<String> signers) {
      if (signers.isEmpty()) {
        throw new IllegalArgumentException("signers must not be empty");
      }
      for (String signer : signers) {
        if (!ALL_SIGNERS.contains(signer)) {
          throw new IllegalArgumentException(
              "signers must be among " + ALL_SIGNERS + ": " + signer);
        }
      }
      this.signers = ALL_SIGNERS.stream().filter(signers::contains).toList();
      return this;
    }

    /** JMH forks per benchmark, >= 0; 0 runs in this JVM (for tests, not for numbers). */
    public Builder forks(int forks) {
      if (forks < 0) {
        throw new IllegalArgumentException("forks must be >= 0: " + forks);
      }
      this.forks = forks;
      return this;
    }

    /** Warm-up iterations, >= 0, and the time of each, at least 1 ms. */
    public Builder warmup(int iterations, Duration time) {
      if (iterations < 0) {
        throw new IllegalArgumentException("warm-up iterations must be >= 0: " + iterations);
      }
      this.warmupIterations = iterations;
      this.warmupTime = positive("warm-up time", time);
      return this;
    }

    /** Measurement iterations, >= 1, and the time of each, at least 1 ms. */
    public Builder measurement(int iterations, Duration time) {
      if (iterations < 1) {
        throw new IllegalArgumentException("measurement iterations must be >= 1: " + iterations);
      }
      this.measurementIterations = iterations;
      this.measurementTime = positive("measurement time", time);
      return this;
    }

    /** Where the files go; created if absent. */
    public Builder outputFolder(Path outputFolder) {
      this.outputFolder = Objects.requireNonNull(outputFolder, "outputFolder");
      return this;
    }

    /** The configured suite. */
    public BenchmarkSuite build() {
      return new BenchmarkSuite(this);
    }

    private static Duration positive(String what, Duration time) {
      Objects.requireNonNull(time, what);
      if (time.toMillis() < 1) {
        throw new IllegalArgumentException(what + " must be at least 1 ms: " + time);
      }
      return time;
    }
  }
}
