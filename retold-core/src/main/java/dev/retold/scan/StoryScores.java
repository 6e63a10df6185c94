package dev.retold.scan;

import dev.retold.index.VectorNeighbours;
import dev.retold.similarity.StoryScorer;
import dev.retold.similarity.StoryVector;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The story score of any two articles of a scan: the cosine of their story vectors, blended, when
 * the scan has an embedder, with the cosine of their leads' embeddings (the geometric mean of the
 * two: a pair must be alike both in its names and numbers and in its meaning); and whether their
 * dates rule them out of one story ({@link StoryScorer}). Immutable; every stage that needs a story
 * score (the copy pairs' similarity, the story candidates, the evidence, {@code compare}) asks
 * here, so one pair has one score.
 */
final class StoryScores {
  private final List<StoryVector> vectors;
  private final Embeddings embeddings;
  private final ArticleTable articles;
  private final StoryScorer scorer;

  /** The scores of {@code vectors} and, unless it is null, {@code embeddings}. */
  StoryScores(
      List<StoryVector> vectors, Embeddings embeddings, ArticleTable articles, StoryScorer scorer) {
    if (vectors.size() != articles.size()
        || (embeddings != null && embeddings.size() != articles.size())) {
      throw new IllegalArgumentException("one vector (and embedding) per article");
    }
    this.vectors = List.copyOf(vectors);
    this.embeddings = embeddings;
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
    double lexical = vectors.get(a).cosine(vectors.get(b));
    return embeddings == null ? lexical : Math.sqrt(lexical * embeddings.cosine(a, b));
  }

  /** The cosine of the two articles' embeddings, or {@code NaN} without embeddings. */
  double semantic(int a, int b) {
    return embeddings == null ? Double.NaN : embeddings.cosine(a, b);
  }

  /** Whether the scores blend in embeddings. */
  boolean semantic() {
    return embeddings != null;
  }

  /** The search for the articles' nearest by embedding; see {@link Embeddings#neighbours}. */
  VectorNeighbours semanticNeighbours(int exactUpTo, IntConsumer linked) {
    return embeddings.neighbours(exactUpTo, linked);
  }

  /** Whether articles {@code a} and {@code b} are dated too far apart to be one story. */
  boolean apart(int a, int b) {
    return scorer.apart(vectors.get(a).cosine(vectors.get(b)), articles.date(a), articles.date(b));
  }
}
