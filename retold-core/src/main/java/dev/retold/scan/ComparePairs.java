package dev.retold.scan;

import dev.retold.Comparison;
import dev.retold.Relation;
import dev.retold.cluster.ScoredEdge;
import dev.retold.index.CandidatePair;
import dev.retold.similarity.ShingleOverlap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code compare}'s work on one pair: its copy relation, or else {@link Relation#SAME_STORY} when
 * its relative story score reaches the story threshold, or none; with its story score, overlap and
 * passages. The pair keeps the caller's order.
 */
final class ComparePairs implements PairWork<Comparison> {
  private final PairEvidence evidence;
  private final StoryScores scores;
  private final Map<Long, Double> relativeScores = new HashMap<>();
  private final double storyThreshold;

  ComparePairs(PairEvidence evidence, StoryScores scores, StoryGraph graph, double storyThreshold) {
    this.evidence = evidence;
    this.scores = scores;
    for (ScoredEdge edge : graph.edges()) {
      double relative =
          graph.apart(edge.a(), edge.b())
              ? StoryCandidates.APART
              : graph.relative(edge.a(), edge.b(), edge.score());
      relativeScores.put(CandidatePair.key(edge.a(), edge.b()), relative);
    }
    this.storyThreshold = storyThreshold;
  }

  @Override
  public Comparison apply(PairReader.Job job, AnalyzedArticle a, AnalyzedArticle b) {
    int i = job.a();
    int j = job.b();
    boolean sameStory =
        relativeScores.getOrDefault(CandidatePair.key(Math.min(i, j), Math.max(i, j)), 0.0)
            >= storyThreshold;
    ShingleOverlap overlap = evidence.overlap(a, b);
    Optional<Relation> copy = evidence.copyRelation(a, b, overlap);
    return new Comparison(
        a.article().id(),
        b.article().id(),
        copy.orElse(sameStory ? Relation.SAME_STORY : null),
        scores.score(i, j),
        overlap.jaccard(),
        overlap.containmentAInB(),
        overlap.containmentBInA(),
        evidence.passages(a, b, overlap),
        PairEvidence.sharedNames(a, b),
        scores.semantic(i, j));
  }
}
