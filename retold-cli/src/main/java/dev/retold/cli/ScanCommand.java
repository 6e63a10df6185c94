package dev.retold.cli;

import dev.retold.CanonicalRule;
import dev.retold.Retold;
import dev.retold.RetoldSettings;
import dev.retold.ScanResult;
import dev.retold.report.ReportFormat;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code retold scan DIR}: finds the stories in a folder of articles and reports them. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    versionProvider = RetoldCli.Version.class,
    defaultValueProvider = SettingsDefaults.class,
    description = {
      "Reads every file under DIR and reports which articles retell the same story:",
      "each story's canonical article and each member's relation to it, then the files",
      "that were skipped with their reasons, then a summary line."
    })
final class ScanCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "The folder to scan, recursively.")
  Path folder;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "TEXT",
      description = "Output format: text, json or csv (default: text).")
  ReportFormat format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(
      names = "--canonical",
      paramLabel = "RULE",
      defaultValue = "ORIGIN",
      description =
          "How a story picks its canonical article: origin (the one the others derive from),"
              + " earliest or longest (default: origin).")
  CanonicalRule canonicalRule;

  @Option(
      names = "--near-duplicate",
      paramLabel = "JACCARD",
      description = "Jaccard similarity from which a pair is NEAR_DUPLICATE (default: ${DEFAULT-VALUE}).")
  double nearDuplicateJaccard;

  @Option(
      names = "--derived",
      paramLabel = "CONTAINMENT",
      description = "Containment from which a pair is DERIVED (default: ${DEFAULT-VALUE}).")
  double derivedContainment;

  @Option(
      names = "--derived-min-shared",
      paramLabel = "N",
      description = "Shingles a DERIVED pair must share at least (default: ${DEFAULT-VALUE}).")
  int derivedMinShared;

  @Option(
      names = "--shingle-size",
      paramLabel = "WORDS",
      description = "Words per shingle (default: ${DEFAULT-VALUE}).")
  int shingleSize;

  @Option(
      names = "--lsh-threshold",
      paramLabel = "JACCARD",
      description = "Jaccard similarity the LSH bands are tuned for (default: ${DEFAULT-VALUE}).")
  double lshThreshold;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads to use (default: one per processor). The output does not depend on it.")
  Integer threads;

  @Option(names = "--no-progress", description = "Never show the progress bar on standard error.")
  boolean noProgress;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    ProgressBar progress = ProgressBar.forStandardError(!noProgress);
    RetoldSettings.Builder builder =
        Retold.builder()
            .canonicalRule(canonicalRule)
            .nearDuplicateJaccard(nearDuplicateJaccard)
            .derivedContainment(derivedContainment)
            .derivedMinShared(derivedMinShared)
            .shingleSize(shingleSize)
            .lshThreshold(lshThreshold)
            .progress(progress);
    if (threads != null) {
      builder.threads(threads);
    }
    Retold retold;
    try {
      retold = builder.build();
    } catch (IllegalArgumentException invalid) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), invalid.getMessage());
    }
    ScanResult result;
    try {
      result = retold.scan(folder);
    } finally {
      progress.finish();
    }
    if (output == null) {
      Writer out = spec.commandLine().getOut();
      format.writer().write(result, out);
    } else {
      try (Writer out = Files.newBufferedWriter(output)) {
        format.writer().write(result, out);
      }
    }
    return 0;
  }
}
