package dev.retold.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.retold.Retold;
import dev.retold.ScanResult;
import dev.retold.Story;
import dev.retold.report.JsonReport;
import dev.retold.report.Scores;
import dev.retold.evaluate.ClusterLabels;
import dev.retold.evaluate.ClusteringScores;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
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
      List.of(0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6);

  /** The JSON layout's name and version, written as the document's first field. */
  static final String FORMAT = "retold-evaluate/1";


  /** The output formats. */
  enum Format {
    TEXT,
    JSON
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
              + " (default: 0.05 to 0.6 in steps of 0.05).")
  List<Double> thresholds;

  @Option(
      names = "--min-f1",
      paramLabel = "F1",
      description = "Exit with code 3 if pairwise F1 is below F1, a number in [0, 1].")
  Double minF1;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "TEXT",
      description = "Output format: text or json (default: text).")
  Format format;

  @Mixin SettingsOptions settings;

  @Option(names = "--no-progress", description = "Never show the progress bar on standard error.")
  boolean noProgress;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    List<Double> storyThresholds = storyThresholds();
    if (minF1 != null && !(minF1 >= 0.0 && minF1 <= 1.0)) {
      throw new ParameterException(spec.commandLine(), "--min-f1 must be in [0, 1]: " + minF1);
    }
    ProgressBar progress = ProgressBar.forStandardError(!noProgress);
    Retold retold = settings.retold(spec.commandLine(), progress);
    Map<String, String> gold = ClusterLabels.read(labels);
    List<ScanResult> results;
    try {
      results =
          storyThresholds == null
              ? List.of(retold.scan(folder))
              : retold.sweep(folder, storyThresholds);
    } finally {
      progress.finish();
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      rows.add(
          Row.of(storyThresholds == null ? null : storyThresholds.get(i), results.get(i), gold));
    }
    Counts counts = Counts.of(results.get(0), gold);
    int best = best(rows);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.JSON) {
      writeJson(out, counts, rows, storyThresholds == null ? -1 : best);
    } else {
      writeText(out, counts, rows, storyThresholds == null ? -1 : best);
    }
    out.flush();
    double f1 = rows.get(best).scores().pairwiseF1();
    if (minF1 != null && f1 < minF1) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("retold: pairwise F1 " + decimals(f1) + " is below --min-f1 " + minF1);
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

  /** The index of the first row with the highest pairwise F1. */
  private static int best(List<Row> rows) {
    int best = 0;
    for (int i = 1; i < rows.size(); i++) {
      if (rows.get(i).scores().pairwiseF1() > rows.get(best).scores().pairwiseF1()) {
        best = i;
      }
    }
    return best;
  }

  private static void writeText(PrintWriter out, Counts counts, List<Row> rows, int best) {
    out.printf(
        "%d labelled files: %d scanned, %d not scanned; %d gold clusters.%n",
        counts.labelled(),
        counts.scanned(),
        counts.labelled() - counts.scanned(),
        counts.goldClusters());
    out.println();
    List<String[]> table = new ArrayList<>();
    List<String> header =
        new ArrayList<>(
            List.of("stories", "pair_P", "pair_R", "pair_F1", "b3_P", "b3_R", "b3_F1", "ARI"));
    if (best >= 0) {
      header.add(0, "threshold");
    }
    table.add(header.toArray(String[]::new));
    int thresholdDecimals = 2;
    for (Row row : rows) {
      if (row.storyThreshold() != null) {
        int decimals = BigDecimal.valueOf(row.storyThreshold()).stripTrailingZeros().scale();
        thresholdDecimals = Math.max(thresholdDecimals, decimals);
      }
    }
    for (Row row : rows) {
      ClusteringScores scores = row.scores();
      List<String> cells =
          new ArrayList<>(
              List.of(
                  String.valueOf(row.stories()),
                  decimals(scores.pairwisePrecision()),
                  decimals(scores.pairwiseRecall()),
                  decimals(scores.pairwiseF1()),
                  decimals(scores.bcubedPrecision()),
                  decimals(scores.bcubedRecall()),
                  decimals(scores.bcubedF1()),
                  decimals(scores.adjustedRandIndex())));
      if (best >= 0) {
        cells.add(0, threshold(row.storyThreshold(), thresholdDecimals));
      }
      table.add(cells.toArray(String[]::new));
    }
    int[] widths = new int[table.get(0).length];
    for (String[] cells : table) {
      for (int column = 0; column < cells.length; column++) {
        widths[column] = Math.max(widths[column], cells[column].length());
      }
    }
    for (int line = 0; line < table.size(); line++) {
      StringBuilder text = new StringBuilder();
      String[] cells = table.get(line);
      for (int column = 0; column < cells.length; column++) {
        text.append(column == 0 ? "" : "  ");
        text.append(" ".repeat(widths[column] - cells[column].length())).append(cells[column]);
      }
      if (best >= 0 && line - 1 == best) {
        text.append("  <- best pairwise F1");
      }
      out.println(text);
    }
  }

  private static void writeJson(PrintWriter out, Counts counts, List<Row> rows, int best)
      throws IOException {
    JsonGenerator json = JsonReport.prettyGenerator(out);
    json.writeStartObject();
    json.writeStringField("format", FORMAT);
    json.writeNumberField("labelled", counts.labelled());
    json.writeNumberField("scanned", counts.scanned());
    json.writeNumberField("gold_clusters", counts.goldClusters());
    if (best < 0) {
      writeScores(json, rows.get(0));
    } else {
      json.writeNumberField("best_story_threshold", rows.get(best).storyThreshold());
      json.writeArrayFieldStart("sweep");
      for (Row row : rows) {
        json.writeStartObject();
        json.writeNumberField("story_threshold", row.storyThreshold());
        writeScores(json, row);
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
    json.flush();
    out.write("\n");
  }

  private static void writeScores(JsonGenerator json, Row row) throws IOException {
    ClusteringScores scores = row.scores();
    json.writeNumberField("stories", row.stories());
    json.writeNumberField("pairwise_precision", Scores.round(scores.pairwisePrecision()));
    json.writeNumberField("pairwise_recall", Scores.round(scores.pairwiseRecall()));
    json.writeNumberField("pairwise_f1", Scores.round(scores.pairwiseF1()));
    json.writeNumberField("bcubed_precision", Scores.round(scores.bcubedPrecision()));
    json.writeNumberField("bcubed_recall", Scores.round(scores.bcubedRecall()));
    json.writeNumberField("bcubed_f1", Scores.round(scores.bcubedF1()));
    json.writeNumberField("adjusted_rand_index", Scores.round(scores.adjustedRandIndex()));
  }

  /** A threshold with {@code decimals} decimals, enough to show each threshold of the run whole. */
  private static String threshold(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.UNNECESSARY).toPlainString();
  }

  /** A score with exactly four decimals, rounded half-even, for text. */
  static String decimals(double value) {
    return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
  }


  /**
   * The scores of one grouping.
   *
   * @param storyThreshold the story threshold it was made at, or {@code null} for a plain scan
   * @param stories how many stories the labelled files fall in, singletons included
   * @param scores the scores against the labels
   */
  private record Row(Double storyThreshold, int stories, ClusteringScores scores) {
    static Row of(Double storyThreshold, ScanResult result, Map<String, String> gold) {
      Map<String, Story> storyOf = result.storyIndex();
      Map<String, String> predicted = new HashMap<>();
      Set<String> stories = new HashSet<>();
      int unscanned = 0;
      for (String file : gold.keySet()) {
        Story story = storyOf.get(file);
        if (story == null) {
          unscanned++;
        } else {
          predicted.put(file, story.id());
          stories.add(story.id());
        }
      }
      return new Row(
          storyThreshold, stories.size() + unscanned, ClusteringScores.of(predicted, gold));
    }
  }

  /**
   * What was scored, the same at every threshold.
   *
   * @param labelled files in the labels
   * @param scanned labelled files the scan loaded
   * @param goldClusters distinct clusters in the labels
   */
  private record Counts(int labelled, int scanned, int goldClusters) {
    static Counts of(ScanResult result, Map<String, String> gold) {
      Map<String, Story> storyOf = result.storyIndex();
      int scanned = (int) gold.keySet().stream().filter(storyOf::containsKey).count();
      return new Counts(gold.size(), scanned, new HashSet<>(gold.values()).size());
    }
  }
}
