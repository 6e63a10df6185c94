package dev.retold.evaluate;

import dev.retold.ScanResult;
import dev.retold.Story;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How one scan's stories score against a labelled grouping of the same files: what was scored, and
 * the scores. A labelled file the scan did not load counts as a story of its own; loaded files that
 * are not labelled are not scored.
 *
 * @param storyThreshold the story threshold the stories were cut at, when a sweep tried several;
 *     {@code null} for a plain scan at its settings
 * @param labelled how many files the labels name
 * @param scanned how many of them the scan loaded
 * @param goldClusters how many distinct clusters the labels have
 * @param stories how many stories the labelled files fall in, singletons (and unscanned files)
 *     included
 * @param scores the scores against the labels
 */
public record Evaluation(
    Double storyThreshold,
    int labelled,
    int scanned,
    int goldClusters,
    int stories,
    ClusteringScores scores) {

  /** Checks the counts and that the scores are present. */
  public Evaluation {
    Objects.requireNonNull(scores, "scores");
    if (scanned < 0 || scanned > labelled) {
      throw new IllegalArgumentException("scanned must be in [0, labelled]: " + scanned);
    }
    if (goldClusters < 0 || stories < 0) {
      throw new IllegalArgumentException("counts must be >= 0: " + goldClusters + ", " + stories);
    }
  }

  /**
   * Scores {@code result}'s stories against {@code gold}.
   *
   * @param result a scan's result
   * @param gold file to gold cluster, as {@link ClusterLabels#read} gives it
   * @param storyThreshold the threshold a sweep cut {@code result} at, or {@code null}
   */
  public static Evaluation of(ScanResult result, Map<String, String> gold, Double storyThreshold) {
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
    return new Evaluation(
        storyThreshold,
        gold.size(),
        gold.size() - unscanned,
        new HashSet<>(gold.values()).size(),
        stories.size() + unscanned,
        ClusteringScores.of(predicted, gold));
  }

  /**
   * The evaluation with the highest pairwise F1, the first of them on a tie.
   *
   * @throws IllegalArgumentException if there is none
   */
  public static Evaluation best(List<Evaluation> evaluations) {
    if (evaluations.isEmpty()) {
      throw new IllegalArgumentException("no evaluations");
    }
    Evaluation best = evaluations.get(0);
    for (Evaluation evaluation : evaluations) {
      if (evaluation.scores().pairwiseF1() > best.scores().pairwiseF1()) {
        best = evaluation;
      }
    }
    return best;
  }
}
