package dev.retold.scan;

import dev.retold.similarity.StoryScorer;
import dev.retold.similarity.StoryVector;
import java.util.List;

/**
 * The story score of any two articles of a scan: the cosine of their story vectors, lowered when
 * their dates lie far apart ({@link StoryScorer}). Immutable; every stage that needs a story score
 * (the copy pairs' similarity, the story candidates, the evidence, {@code compare}) asks here, so
 * one pair has one score.
 */
final class StoryScores {
  private final List<StoryVector> vectors;
  private final ArticleTable articles;
  private final StoryScorer scorer;

  StoryScores(List<StoryVector> vectors, ArticleTable articles, StoryScorer scorer) {
    if (vectors.size() != articles.size()) {
      throw new IllegalArgumentException("one vector per article");
    }
    this.vectors = List.copyOf(vectors);
    this.articles = articles;
    this.scorer = scorer;
  }

  /** How many articles. */
  int size() {
    return vectors.size();
  }

  /** Article {@code k}'s story vector. */
  StoryVector vector(int k) {
    return vectors.get(k);
  }

  /** The story score of articles {@code a} and {@code b}, in [0, 1]. */
  double score(int a, int b) {
    return scorer.score(vectors.get(a), vectors.get(b), articles.date(a), articles.date(b));
  }
}
