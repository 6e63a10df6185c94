package dev.retold.cli;

import dev.retold.Comparison;
import dev.retold.IdPair;
import dev.retold.Retold;
import dev.retold.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code retold explain A B}: one pair's evidence in full, for the pairs a scan's report shows only
 * in part; as HTML, both texts side by side with the shared passages marked.
 */
@Command(
    name = "explain",
    header = "Show how two articles relate: scores, every shared passage, both texts side by side.",
    mixinStandardHelpOptions = true,
    versionProvider = RetoldCli.Version.class,
    defaultValueProvider = SettingsDefaults.class,
    description = {
      "Reads A and B as 'retold scan' reads an article and shows the evidence for their link:"
          + " the relation (UNRELATED when none holds), the scores and every shared passage. In"
          + " HTML (one page to open in a browser, like 'retold scan --format html'), both texts"
          + " side by side as they stand in their files, the shared passages marked and what the"
          + " loader took out (front matter, page chrome, markup) greyed. Term statistics come"
          + " from the two files, so the story similarity can differ from a scan's, whose"
          + " statistics come from every article scanned.",
      "",
      "Text and JSON are as 'retold compare A B' writes them."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:The pair was explained.",
      "1:The run failed: a file is missing, unreadable or not an article, or the output could"
          + " not be written.",
      "2:Bad usage."
    })
final class ExplainCommand implements Callable<Integer> {
  /** The output formats. */
  enum Format {
    TEXT(ReportFormat.TEXT),
    JSON(ReportFormat.JSON),
    HTML(ReportFormat.HTML);

    final ReportFormat report;

    Format(ReportFormat report) {
      this.report = report;
    }
  }

  @Parameters(index = "0", paramLabel = "A", description = "The first article's file.")
  Path first;

  @Parameters(index = "1", paramLabel = "B", description = "The second article's file.")
  Path second;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "TEXT",
      description = "Output format: text, json or html (default: text).")
  Format format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the explanation to FILE instead of standard output.")
  Path output;

  @Mixin SettingsOptions settings;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    // an article's id is its path as Path spells it, as compare names it
    if (first.toString().equals(second.toString())) {
      throw new ParameterException(spec.commandLine(), "explain needs two different files");
    }
    IdPair pair = new IdPair(first.toString(), second.toString());
    Retold retold = settings.retold(spec.commandLine());
    List<Comparison> comparisons = retold.compareFiles(List.of(first, second), List.of(pair));
    if (output == null) {
      format.report.writeComparisons(comparisons, true, spec.commandLine().getOut());
    } else {
      ReportFile.write(output, out -> format.report.writeComparisons(comparisons, true, out));
    }
    return 0;
  }
}
