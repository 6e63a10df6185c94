package dev.retold.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.retold.evaluate.ClusteringScores;
import dev.retold.evaluate.Evaluation;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Evaluations as one JSON document: {@code format}, {@code labelled}, {@code scanned}, {@code
 * gold_clusters}, then either the scores of the one evaluation ({@code stories}, {@code
 * pairwise_precision}... {@code adjusted_rand_index}) or, for a sweep, {@code best_story_threshold}
 * and {@code sweep}, the list of the scores with their {@code story_threshold}.
 */
final class EvaluationJson {
  /** The layout's name and version, written as the document's first field. */
  static final String FORMAT = "retold-evaluate/1";

  private EvaluationJson() {}

  /** Writes the document and a line end. */
  static void write(List<Evaluation> evaluations, Writer out) throws IOException {
    Evaluation first = evaluations.get(0);
    JsonGenerator json = JsonReport.prettyGenerator(out);
    json.writeStartObject();
    json.writeStringField("format", FORMAT);
    json.writeNumberField("labelled", first.labelled());
    json.writeNumberField("scanned", first.scanned());
    json.writeNumberField("gold_clusters", first.goldClusters());
    if (first.storyThreshold() == null) {
      writeScores(json, first);
    } else {
      json.writeNumberField("best_story_threshold", Evaluation.best(evaluations).storyThreshold());
      json.writeArrayFieldStart("sweep");
      for (Evaluation evaluation : evaluations) {
        json.writeStartObject();
        json.writeNumberField("story_threshold", evaluation.storyThreshold());
        writeScores(json, evaluation);
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
    json.flush();
    out.write("\n");
    out.flush();
  }

  private static void writeScores(JsonGenerator json, Evaluation evaluation) throws IOException {
    ClusteringScores scores = evaluation.scores();
    json.writeNumberField("stories", evaluation.stories());
    json.writeNumberField("pairwise_precision", ScoreFormat.round(scores.pairwisePrecision()));
    json.writeNumberField("pairwise_recall", ScoreFormat.round(scores.pairwiseRecall()));
    json.writeNumberField("pairwise_f1", ScoreFormat.round(scores.pairwiseF1()));
    json.writeNumberField("bcubed_precision", ScoreFormat.round(scores.bcubedPrecision()));
    json.writeNumberField("bcubed_recall", ScoreFormat.round(scores.bcubedRecall()));
    json.writeNumberField("bcubed_f1", ScoreFormat.round(scores.bcubedF1()));
    json.writeNumberField("adjusted_rand_index", ScoreFormat.round(scores.adjustedRandIndex()));
  }
}
