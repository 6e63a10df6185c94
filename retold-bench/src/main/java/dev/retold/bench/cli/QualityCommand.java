package dev.retold.bench.cli;

import dev.retold.Retold;
import dev.retold.ScanResult;
import dev.retold.TextEmbedder;
import dev.retold.evaluate.ClusterLabels;
import dev.retold.evaluate.ClusteringScores;
import dev.retold.evaluate.Evaluation;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retold-bench quality}: the dev suite. Scans each labelled corpus with the library's
 * default settings (the bundled semantic signal on unless {@code --semantic off}) and prints its
 * scores and their mean; with {@code --loco}, leave-one-corpus-out: for each corpus, the story
 * threshold that is best (mean pairwise F1) on the others, and what it scores on the one left out.
 */
@Command(
    name = "quality",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Scores Retold's stories, with the default settings, on each labelled corpus of the dev"
          + " suite (a folder of articles/ and labels.tsv each): pairwise and BCubed P/R/F1 and"
          + " the adjusted Rand index, and their mean over the corpora.",
      "Exits with 4 if a corpus's pairwise F1 is below its --floor."
    })
final class QualityCommand implements Callable<Integer> {
  /** Exit code of a run where a corpus scored below its floor. */
  static final int EXIT_BELOW_FLOOR = 4;

  @Option(
      names = "--data",
      defaultValue = "../shared/data",
      description = "The folder holding the corpora (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--corpora",
      split = ",",
      defaultValue = "ecbplus,gvc,neus-train",
      description = "The corpora, folders under --data (default: ${DEFAULT-VALUE}).")
  List<String> corpora;

  @Option(
      names = "--semantic",
      paramLabel = "on|off",
      defaultValue = "on",
      description = "Blend in the bundled semantic signal (default: ${DEFAULT-VALUE}).")
  String semantic;

  @Option(
      names = "--loco",
      description =
          "Also leave one corpus out: sweep the story threshold on each, choose it on the others.")
  boolean loco;

  @Option(
      names = "--thresholds",
      split = ",",
      defaultValue = "0.08,0.1,0.12,0.14,0.16,0.18,0.2,0.22,0.24,0.26,0.28,0.3",
      description = "The story thresholds --loco sweeps (default: ${DEFAULT-VALUE}).")
  List<Double> thresholds;

  @Option(
      names = "--floor",
      split = ",",
      paramLabel = "CORPUS=F1",
      description = "Fail (exit 4) when a corpus's pairwise F1 is below this, e.g. gvc=0.85.")
  Map<String, Double> floors = new LinkedHashMap<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!semantic.equals("on") && !semantic.equals("off")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--semantic must be on or off: " + semantic);
    }
    Retold.Builder builder = Retold.builder();
    if (semantic.equals("on")) {
      builder.embedder(
          TextEmbedder.installed()
              .orElseThrow(() -> new IOException("no semantic signal on the class path")));
    }
    Retold retold = builder.build();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Story threshold %s, cohesion %s, semantic signal %s.%n%n",
        retold.settings().stories().threshold(),
        retold.settings().stories().cohesion(),
        retold.settings().stories().embedder().map(TextEmbedder::name).orElse("off"));
    out.println(
        "| corpus | articles | stories | pair P | pair R | pair F1 | BCubed P | BCubed R | BCubed F1"
            + " | ARI | seconds |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    List<Evaluation> evaluations = new ArrayList<>();
    List<List<Evaluation>> sweeps = new ArrayList<>();
    for (String corpus : corpora) {
      Path folder = data.resolve(corpus);
      Map<String, String> gold = ClusterLabels.read(folder.resolve("labels.tsv"));
      long start = System.nanoTime();
      double threshold = retold.settings().stories().threshold();
      List<Double> cuts = new ArrayList<>(loco ? thresholds : List.of());
      if (!cuts.contains(threshold)) {
        cuts.add(threshold);
      }
      // one scan for every threshold: the default's result and, with --loco, the sweep's
      List<ScanResult> swept = retold.sweep(folder.resolve("articles"), cuts, (s, d, t) -> {});
      ScanResult result = swept.get(cuts.indexOf(threshold));
      double seconds = (System.nanoTime() - start) / 1e9;
      Evaluation evaluation = Evaluation.of(result, gold, null);
      evaluations.add(evaluation);
      ClusteringScores scores = evaluation.scores();
      out.printf(
          "| %s | %d | %d | %s | %s | **%s** | %s | %s | %s | %s | %.1f |%n",
          corpus,
          evaluation.scanned(),
          evaluation.stories(),
          f(scores.pairwisePrecision()),
          f(scores.pairwiseRecall()),
          f(scores.pairwiseF1()),
          f(scores.bcubedPrecision()),
          f(scores.bcubedRecall()),
          f(scores.bcubedF1()),
          f(scores.adjustedRandIndex()),
          seconds);
      out.flush();
      if (loco) {
        List<Evaluation> row = new ArrayList<>();
        for (double cut : thresholds) {
          row.add(Evaluation.of(swept.get(cuts.indexOf(cut)), gold, cut));
        }
        sweeps.add(row);
      }
    }
    out.printf(
        "| mean | | | %s | %s | **%s** | %s | %s | %s | %s | |%n",
        f(mean(evaluations, s -> s.pairwisePrecision())),
        f(mean(evaluations, s -> s.pairwiseRecall())),
        f(mean(evaluations, s -> s.pairwiseF1())),
        f(mean(evaluations, s -> s.bcubedPrecision())),
        f(mean(evaluations, s -> s.bcubedRecall())),
        f(mean(evaluations, s -> s.bcubedF1())),
        f(mean(evaluations, s -> s.adjustedRandIndex())));
    if (loco) {
      writeLeaveOneOut(out, sweeps);
    }
    out.flush();
    return checkFloors(evaluations);
  }

  private void writeLeaveOneOut(PrintWriter out, List<List<Evaluation>> sweeps) {
    out.println();
    out.println("Pairwise F1 at each story threshold swept:");
    out.println();
    StringBuilder header = new StringBuilder("| corpus |");
    StringBuilder rule = new StringBuilder("|---|");
    for (double threshold : thresholds) {
      header.append(' ').append(threshold).append(" |");
      rule.append("---:|");
    }
    out.println(header);
    out.println(rule);
    for (int c = 0; c < corpora.size(); c++) {
      StringBuilder row = new StringBuilder("| " + corpora.get(c) + " |");
      for (Evaluation swept : sweeps.get(c)) {
        row.append(' ').append(f(swept.scores().pairwiseF1())).append(" |");
      }
      out.println(row);
    }
    out.println();
    out.println("Leave one corpus out (threshold chosen by the mean pairwise F1 of the others):");
    out.println();
    out.println(
        "| held out | chosen threshold | others' mean F1 | held-out F1 | held-out best (threshold) |");
    out.println("|---|---:|---:|---:|---:|");
    for (int held = 0; held < corpora.size(); held++) {
      int chosen = 0;
      double chosenMean = -1;
      for (int t = 0; t < thresholds.size(); t++) {
        double sum = 0;
        for (int other = 0; other < corpora.size(); other++) {
          if (other != held) {
            sum += sweeps.get(other).get(t).scores().pairwiseF1();
          }
        }
        double mean = sum / Math.max(1, corpora.size() - 1);
        if (mean > chosenMean) {
          chosenMean = mean;
          chosen = t;
        }
      }
      Evaluation best = Evaluation.best(sweeps.get(held));
      out.printf(
          "| %s | %s | %s | **%s** | %s (%s) |%n",
          corpora.get(held),
          thresholds.get(chosen),
          f(chosenMean),
          f(sweeps.get(held).get(chosen).scores().pairwiseF1()),
          f(best.scores().pairwiseF1()),
          best.storyThreshold());
    }
  }

  private int checkFloors(List<Evaluation> evaluations) {
    int code = 0;
    PrintWriter err = spec.commandLine().getErr();
    for (Map.Entry<String, Double> floor : floors.entrySet()) {
      int index = corpora.indexOf(floor.getKey());
      if (index < 0) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--floor names a corpus not scored: " + floor.getKey());
      }
      double f1 = evaluations.get(index).scores().pairwiseF1();
      if (f1 < floor.getValue()) {
        err.println(
            "retold-bench: "
                + floor.getKey()
                + " pairwise F1 "
                + f(f1)
                + " is below its floor "
                + floor.getValue());
        code = EXIT_BELOW_FLOOR;
      }
    }
    err.flush();
    return code;
  }

  private static double mean(
      List<Evaluation> evaluations, java.util.function.ToDoubleFunction<ClusteringScores> score) {
    return evaluations.stream()
        .mapToDouble(e -> score.applyAsDouble(e.scores()))
        .average()
        .orElse(0);
  }

  /** Four decimals, as the reports write scores. */
  private static String f(double value) {
    return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).toPlainString();
  }
}
