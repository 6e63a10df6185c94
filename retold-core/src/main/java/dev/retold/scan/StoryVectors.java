package dev.retold.scan;

import dev.retold.RetoldSettings;
import dev.retold.similarity.StoryScorer;
import dev.retold.similarity.StoryVector;
import dev.retold.similarity.TermStatistics;
import java.util.List;

/**
 * The scan's story vectors: each article's story terms, weighed by the scan's term statistics
 * (TF-IDF, {@link StoryVector}), then stripped of the terms no other article holds (they add to no
 * cosine, and at a million articles they are memory). Takes the sketches' story terms.
 */
final class StoryVectors {
  private final RetoldSettings.Stories stories;
  private final StageRunner stages;

  StoryVectors(RetoldSettings.Stories stories, StageRunner stages) {
    this.stories = stories;
    this.stages = stages;
  }

  /**
   * An article's story vector: its terms (increasing ids) weighed by {@code statistics}, without
   * those it alone holds.
   */
  static StoryVector vector(int[] ids, float[] counts, TermStatistics statistics) {
    return StoryVector.of(ids, counts, statistics)
        .keepTerms(term -> statistics.documentFrequency(term) > 1);
  }

  /** The story scores of the sketched articles. */
  StoryScores weigh(Sketches sketches) {
    Sketches.StoryTerms terms = sketches.terms().take();
    TermStatistics statistics = TermStatistics.count(terms.ids(), terms.vocabulary());
    List<StoryVector> vectors =
        stages.inParallel(
            "weigh",
            terms.ids().length,
            k -> {
              StoryVector vector = vector(terms.ids()[k], terms.counts()[k], statistics);
              terms.ids()[k] = null; // the vector holds the terms and weights now
              terms.counts()[k] = null;
              return vector;
            });
    return new StoryScores(
        vectors,
        sketches.embeddings() == null ? null : new Embeddings(sketches.embeddings().take()),
        sketches.articles(),
        new StoryScorer(stories.dateWindowDays(), stories.copiedCosine()));
  }
}
