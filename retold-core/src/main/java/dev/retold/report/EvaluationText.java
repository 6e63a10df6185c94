package dev.retold.report;

import dev.retold.evaluate.ClusteringScores;
import dev.retold.evaluate.Evaluation;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluations for a person to read: a line of counts, then a table of the scores, a row per
 * evaluation, right-aligned; a sweep's rows start with their story threshold, and the row with the
 * best pairwise F1 is marked.
 */
final class EvaluationText {
  private EvaluationText() {}

  /** Writes the counts (the first evaluation's, the same for all) and the table. */
  static void write(List<Evaluation> evaluations, Writer out) throws IOException {
    Evaluation first = evaluations.get(0);
    boolean sweep = first.storyThreshold() != null;
    out.write(
        first.labelled()
            + " labelled files: "
            + first.scanned()
            + " scanned, "
            + (first.labelled() - first.scanned())
            + " not scanned; "
            + first.goldClusters()
            + " gold clusters.\n\n");
    List<String[]> table = new ArrayList<>();
    List<String> header =
        new ArrayList<>(
            List.of("stories", "pair_P", "pair_R", "pair_F1", "b3_P", "b3_R", "b3_F1", "ARI"));
    if (sweep) {
      header.add(0, "threshold");
    }
    table.add(header.toArray(String[]::new));
    int thresholdDecimals = 2;
    for (Evaluation evaluation : evaluations) {
      if (evaluation.storyThreshold() != null) {
        int decimals = BigDecimal.valueOf(evaluation.storyThreshold()).stripTrailingZeros().scale();
        thresholdDecimals = Math.max(thresholdDecimals, decimals);
      }
    }
    for (Evaluation evaluation : evaluations) {
      ClusteringScores scores = evaluation.scores();
      List<String> cells =
          new ArrayList<>(
              List.of(
                  String.valueOf(evaluation.stories()),
                  ScoreFormat.text(scores.pairwisePrecision()),
                  ScoreFormat.text(scores.pairwiseRecall()),
                  ScoreFormat.text(scores.pairwiseF1()),
                  ScoreFormat.text(scores.bcubedPrecision()),
                  ScoreFormat.text(scores.bcubedRecall()),
                  ScoreFormat.text(scores.bcubedF1()),
                  ScoreFormat.text(scores.adjustedRandIndex())));
      if (sweep) {
        cells.add(0, threshold(evaluation.storyThreshold(), thresholdDecimals));
      }
      table.add(cells.toArray(String[]::new));
    }
    int[] widths = new int[table.get(0).length];
    for (String[] cells : table) {
      for (int column = 0; column < cells.length; column++) {
        widths[column] = Math.max(widths[column], cells[column].length());
      }
    }
    Evaluation best = Evaluation.best(evaluations);
    for (int line = 0; line < table.size(); line++) {
      StringBuilder text = new StringBuilder();
      String[] cells = table.get(line);
      for (int column = 0; column < cells.length; column++) {
        text.append(column == 0 ? "" : "  ");
        text.append(" ".repeat(widths[column] - cells[column].length())).append(cells[column]);
      }
      if (sweep && line > 0 && evaluations.get(line - 1) == best) {
        text.append("  <- best pairwise F1");
      }
      out.write(text.append('\n').toString());
    }
    out.flush();
  }

  /** A threshold with {@code decimals} decimals, enough to show each threshold of the run whole. */
  private static String threshold(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.UNNECESSARY).toPlainString();
  }
}
