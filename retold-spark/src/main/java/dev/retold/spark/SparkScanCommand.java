package dev.retold.spark;

import dev.retold.ProgressListener;
import dev.retold.Retold;
import dev.retold.ScanResult;
import dev.retold.TextEmbedder;
import dev.retold.report.ReportFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The runnable jar's command: {@code java -jar retold-spark.jar scan INPUT --master local[2]}: the
 * scan of {@code retold scan}, on Spark, with its report formats. Exit codes: 0 done, 1 the run
 * failed, 2 bad usage.
 */
@Command(
    name = "retold-spark",
    mixinStandardHelpOptions = true,
    description = "Retold on Apache Spark.",
    subcommands = {SparkScanCommand.Scan.class, CommandLine.HelpCommand.class})
public final class SparkScanCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line; exits with its code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, as {@link #main} runs it. */
  static CommandLine commandLine() {
    return new CommandLine(new SparkScanCommand()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: scan");
  }

  /** On/off. */
  enum Semantic {
    ON,
    OFF
  }

  /** Where the story candidates are found ({@link RetoldSpark#STORY_CANDIDATES}). */
  enum StoryCandidates {
    DRIVER,
    WORKERS
  }

  /** {@code scan INPUT}. */
  @Command(
      name = "scan",
      mixinStandardHelpOptions = true,
      description =
          "Scans a folder, a JSON Lines or a WARC file on Spark, with the result of 'retold scan'.")
  static final class Scan implements Callable<Integer> {
    @Parameters(
        paramLabel = "INPUT",
        description = "A folder, a JSON Lines or a WARC file, or Parquet (--parquet).")
    Path input;

    @Option(
        names = "--master",
        paramLabel = "URL",
        defaultValue = "local[*]",
        description = "Spark master (default: ${DEFAULT-VALUE}; under spark-submit, its own).")
    String master;

    @Option(
        names = "--partitions",
        paramLabel = "N",
        defaultValue = "0",
        description = "Tasks that read and sketch (default: one a slice of the input).")
    int partitions;

    @Option(
        names = "--format",
        paramLabel = "text|json|csv|html|parquet",
        defaultValue = "text",
        description =
            "Report format (default: ${DEFAULT-VALUE}); parquet writes the tables articles,"
                + " pairs, stories and skipped into the folder -o names.")
    String format;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description =
            "Write the report to FILE (whole or not at all) instead of standard output; for"
                + " --format parquet, the folder the tables go to.")
    Path output;

    @Option(
        names = "--story-candidates",
        paramLabel = "driver|workers",
        description =
            "Where the story candidates are found: the driver's index (the default) or joins on"
                + " the workers; the same result (sets "
                + RetoldSpark.STORY_CANDIDATES
                + ").")
    StoryCandidates storyCandidates;

    @Option(
        names = "--semantic",
        paramLabel = "on|off",
        defaultValue = "on",
        description = "Blend the leads' sentence embeddings into the story score (default: on).")
    Semantic semantic;

    @Option(
        names = "--parquet",
        description =
            "Read INPUT as Parquet (a file, or a folder of part files) of articles: columns id,"
                + " text and optionally title, date, url (also so when INPUT ends in .parquet).")
    boolean parquet;

    @Option(
        names = "--no-progress",
        description = "Do not log the stages on standard error as they begin.")
    boolean noProgress;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      boolean tables = format.equalsIgnoreCase("parquet");
      ReportFormat report = null;
      if (tables && output == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--format parquet writes tables into a folder: give it with -o DIR");
      }
      if (!tables) {
        try {
          report = ReportFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--format must be text, json, csv, html or parquet: " + format);
        }
      }
      if (partitions < 0) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--partitions must be >= 0: " + partitions);
      }
      if (!Files.exists(input)) {
        spec.commandLine().getErr().println("retold-spark: no such file or folder: " + input);
        return 1;
      }
      boolean lexical = semantic == Semantic.OFF;
      Recipe recipe = () -> settings(lexical);
      SparkSession.Builder builder = SparkSession.builder().appName("retold scan");
      if (System.getProperty("spark.master") == null) {
        builder.master(master);
      }
      if (storyCandidates != null) {
        builder.config(
            RetoldSpark.STORY_CANDIDATES, storyCandidates.name().toLowerCase(Locale.ROOT));
      }
      SparkSession spark = builder.getOrCreate();
      try {
        spark.sparkContext().setLogLevel("WARN");
        StageLog log = new StageLog(spec.commandLine().getErr(), System::nanoTime);
        ProgressListener progress = noProgress ? ProgressListener.NONE : log;
        ScanResult result;
        Tables made = null;
        if (parquet || input.getFileName().toString().endsWith(".parquet")) {
          made = RetoldSpark.scan(spark.read().parquet(input.toString()), recipe, progress);
          result = made.result();
        } else {
          result = RetoldSpark.scan(spark, input, recipe, partitions, progress);
        }
        if (tables) {
          (made != null ? made : Tables.of(spark, result)).writeParquet(output);
        } else {
          write(report, result);
        }
        if (!noProgress) {
          log.done();
        }
      } finally {
        spark.stop();
      }
      return 0;
    }

    /** The default settings, with the bundled model unless {@code lexical}. */
    static Retold settings(boolean lexical) {
      Retold.Builder builder = Retold.builder();
      if (!lexical) {
        builder.embedder(TextEmbedder.installed().orElse(null));
      }
      return builder.build();
    }

    private void write(ReportFormat report, ScanResult result) throws IOException {
      if (output == null) {
        PrintWriter out = spec.commandLine().getOut();
        report.write(result, input, out);
        out.flush();
        return;
      }
      Path target = output.toAbsolutePath();
      Path temporary = Files.createTempFile(target.getParent(), ".retold-", ".tmp");
      try {
        try (Writer out =
            new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(temporary), StandardCharsets.UTF_8))) {
          report.write(result, input, out);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
    }
  }
}
