package dev.retold.cli;

import dev.retold.Retold;
import dev.retold.ScanResult;
import dev.retold.evaluate.ClusterLabels;
import dev.retold.evaluate.Evaluation;
import dev.retold.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code retold evaluate DIR --labels FILE}: scans a folder and scores its stories against a
 * hand-labelled grouping of the same files (see {@link dev.retold.evaluate}).
 */
@Command(
    name = "evaluate",
    header = "Score the stories found against labelled clusters (F1, BCubed, ARI).",
    mixinStandardHelpOptions = true,
    versionProvider = RetoldCli.Version.class,
    defaultValueProvider = SettingsDefaults.class,
    description = {
      "Scans DIR as 'retold scan' does and scores the stories found against the gold clusters"
          + " of the labels FILE: pairwise and BCubed precision, recall and F1, and the adjusted"
          + " Rand index (ARI), over the labelled files. A labelled file that was not scanned"
          + " counts as a story of its own; files that are not labelled are scanned but not"
          + " scored.",
      "",
      "The labels FILE is tab-separated UTF-8, file<TAB>cluster per line, file being the path"
          + " relative to DIR with '/'. Further columns and blank lines are ignored, and so is a"
          + " first line whose first field is 'file' or 'path'.",
      "",
      "With --sweep, DIR is scanned once and grouped at each story threshold, one row each;"
          + " the row with the best pairwise F1 is marked.",
      "",
      "JSON output is one object: format, labelled, scanned, gold_clusters, then either the"
          + " scores (stories, pairwise_precision, pairwise_recall, pairwise_f1,"
          + " bcubed_precision, bcubed_recall, bcubed_f1, adjusted_rand_index) or, with --sweep,"
          + " best_story_threshold and sweep, a list of the scores with their story_threshold."
          + " Scores are rounded to four decimals."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:The scores were printed (and pairwise F1 reached --min-f1).",
      "1:The run failed: a missing folder, or a missing or malformed labels file.",
      "2:Bad usage.",
      "3:Out of memory (the ./retold launcher says how to give Java more).",
      "4:Pairwise F1 is below --min-f1 (the best over the sweep with --sweep); the scores are "
          + "still printed."
    })
final class EvaluateCommand implements Callable<Integer> {
  /** Exit code of a run whose pairwise F1 is below {@code --min-f1}. */
  static final int EXIT_BELOW_MIN_F1 = 4;

  /** The story thresholds {@code --sweep} tries when none are given. */
  static final List<Double> DEFAULT_THRESHOLDS =
      List.of(0.08, 0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.24, 0.26, 0.28, 0.3);

  /** The output formats. */
  enum Format {
    TEXT(ReportFormat.TEXT),
    JSON(ReportFormat.JSON);

    final ReportFormat report;

    Format(ReportFormat report) {
      this.report = report;
    }
  }

  @Parameters(index = "0", paramLabel = "DIR", description = "The folder to scan, recursively.")
  Path folder;

  @Option(
      names = "--labels",
      required = true,
      paramLabel = "FILE",
      description = "The gold clusters: file<TAB>cluster per line.")
  Path labels;

  @Option(
      names = "--sweep",
      description =
          "Score the stories at each story threshold of --thresholds, one row each, instead of"
              + " at --story-threshold.")
  boolean sweep;

  @Option(
      names = "--thresholds",
      split = ",",
      paramLabel = "T",
      description =
          "The story thresholds to sweep, comma-separated, each in (0, 1]; implies --sweep"
              + " (default: 0.08 to 0.3 in steps of 0.02).")
  List<Double> thresholds;

  @Option(
      names = "--min-f1",
      paramLabel = "F1",
      description =
          "Exit with code 4 if pairwise F1 is below F1, a number in [0, 1] (the best of a sweep's).")
  Double minF1;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "TEXT",
      description = "Output format: text or json (default: text).")
  Format format;

  @Mixin SettingsOptions settings;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  LinkOptions links;

  @Option(names = "--no-progress", description = "Never show the progress bar on standard error.")
  boolean noProgress;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    List<Double> storyThresholds = storyThresholds();
    if (minF1 != null && !(minF1 >= 0.0 && minF1 <= 1.0)) {
      throw new ParameterException(spec.commandLine(), "--min-f1 must be in [0, 1]: " + minF1);
    }
    Retold retold =
        settings.retold(spec.commandLine(), builder -> LinkOptions.apply(links, builder));
    Map<String, String> gold = ClusterLabels.read(labels);
    List<Evaluation> evaluations =
        ProgressBar.during(
            !noProgress,
            progress -> {
              List<Evaluation> scored = new ArrayList<>();
              if (storyThresholds == null) {
                scored.add(Evaluation.of(retold.scan(folder, progress), gold, null));
              } else {
                List<ScanResult> results = retold.sweep(folder, storyThresholds, progress);
                for (int i = 0; i < results.size(); i++) {
                  scored.add(Evaluation.of(results.get(i), gold, storyThresholds.get(i)));
                }
              }
              return scored;
            });
    format.report.writeEvaluations(evaluations, spec.commandLine().getOut());
    if (minF1 != null && Evaluation.best(evaluations).scores().pairwiseF1() < minF1) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "retold: pairwise F1 is below --min-f1 "
              + minF1
              + (storyThresholds == null ? "" : " at every story threshold")
              + " (the scores are above)");
      err.flush();
      return EXIT_BELOW_MIN_F1;
    }
    return 0;
  }

  /** The thresholds to sweep, or {@code null} for a single scan at the configured settings. */
  private List<Double> storyThresholds() {
    if (thresholds == null) {
      return sweep ? DEFAULT_THRESHOLDS : null;
    }
    if (thresholds.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--thresholds needs at least one value");
    }
    for (double threshold : thresholds) {
      if (!(threshold > 0.0 && threshold <= 1.0)) {
        throw new ParameterException(
            spec.commandLine(), "story thresholds must be in (0, 1]: " + threshold);
      }
    }
    return List.copyOf(thresholds);
  }
}
