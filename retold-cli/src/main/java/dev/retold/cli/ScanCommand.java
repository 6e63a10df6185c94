package dev.retold.cli;

import dev.retold.Retold;
import dev.retold.ScanResult;
import dev.retold.report.ReportFormat;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code retold scan DIR}: finds the stories in a folder of articles and reports them. */
@Command(
    name = "scan",
    header = "Find the stories in a folder (or a JSON Lines or WARC file) of articles.",
    mixinStandardHelpOptions = true,
    versionProvider = RetoldCli.Version.class,
    defaultValueProvider = SettingsDefaults.class,
    description = {
      "Reads every file under DIR and reports which articles retell the same story:",
      "each story's canonical article and each member's relation to it, then the files",
      "that were skipped with their reasons, then a summary line."
    })
final class ScanCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = {
        "The folder to scan, recursively; or a JSON Lines file (.jsonl, .ndjson,",
        "either .gz) or a WARC web crawl (.warc, .warc.gz)."
      })
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

  @Mixin SettingsOptions settings;

  @Option(names = "--no-progress", description = "Never show the progress bar on standard error.")
  boolean noProgress;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Retold retold = settings.retold(spec.commandLine());
    ProgressBar progress = ProgressBar.forStandardError(!noProgress);
    ScanResult result;
    try {
      result = retold.scan(folder, progress);
    } finally {
      progress.finish();
    }
    if (output == null) {
      format.write(result, spec.commandLine().getOut());
    } else {
      try (Writer out = Files.newBufferedWriter(output)) {
        format.write(result, out);
      }
    }
    return 0;
  }
}
