package dev.retold.cli;

import dev.retold.Retold;
import dev.retold.ScanResult;
import dev.retold.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
      "that were skipped with their reasons, then a summary line.",
      "",
      "Symbolic links whose target is inside DIR are followed; links out of it are skipped"
          + " unless --follow-links is given. The --output file is written whole (to a"
          + " temporary file beside it, then moved into place) and may not be inside DIR."
          + " In text, control characters of names and titles are shown escaped (\\x1B); in"
          + " CSV, a cell starting with = + - @ tab or CR gets a leading '."
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
      description =
          "Output format: text, json, csv or html (one page to open in a browser; default:"
              + " text).")
  ReportFormat format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Mixin SettingsOptions settings;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  LinkOptions links;

  @Option(names = "--no-progress", description = "Never show the progress bar on standard error.")
  boolean noProgress;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Retold retold =
        settings.retold(spec.commandLine(), builder -> LinkOptions.apply(links, builder));
    if (output != null) {
      refuseOutputInsideInput();
    }
    ScanResult result = ProgressBar.during(!noProgress, progress -> retold.scan(folder, progress));
    if (output == null) {
      format.write(result, folder, spec.commandLine().getOut());
    } else {
      ReportFile.write(output, out -> format.write(result, folder, out));
    }
    return 0;
  }

  /**
   * Refuses (as bad usage) an output file inside the folder scanned, or the JSON Lines file scanned
   * itself, comparing real paths (links resolved): it could overwrite an article, and a report left
   * in the folder would be read as an article by the next scan. Paths that cannot be resolved are
   * left to the scan and the write to report.
   */
  private void refuseOutputInsideInput() {
    Path input;
    Path report;
    try {
      input = folder.toRealPath();
      report = realPathOf(output);
    } catch (IOException unresolved) {
      return;
    }
    boolean folderInput = Files.isDirectory(input);
    if (folderInput ? report.startsWith(input) : report.equals(input)) {
      throw new ParameterException(
          spec.commandLine(),
          "--output "
              + output
              + (folderInput
                  ? " is inside the scanned folder " + folder
                  : " is the scanned file " + folder)
              + ": it could overwrite an article, and the next scan would read the report as"
              + " one; write it elsewhere");
    }
  }

  /** The real path of a file that may not exist yet: its folder's real path, then its name. */
  private static Path realPathOf(Path file) throws IOException {
    if (Files.exists(file)) {
      return file.toRealPath();
    }
    Path absolute = file.toAbsolutePath();
    return absolute.getParent().toRealPath().resolve(absolute.getFileName().toString());
  }
}
