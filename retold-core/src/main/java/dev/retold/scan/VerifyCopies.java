package dev.retold.scan;

import dev.retold.ArticlePair;
import dev.retold.Relation;
import dev.retold.RetoldSettings;
import dev.retold.cluster.UnionFind;
import dev.retold.index.CandidatePair;
import dev.retold.similarity.OriginRule;
import dev.retold.similarity.ShingleOverlap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The scan's copy verification: every copy candidate read again and checked on the exact shingle
 * sets; a pair is kept only if a copy relation holds ({@link PairEvidence}), with its origin
 * ({@link OriginRule}), story score and passages. Most candidates end at the overlap, without a
 * passage search.
 */
final class VerifyCopies implements PairWork<Optional<ArticlePair>> {
  private final PairEvidence evidence;
  private final OriginRule originRule;
  private final StoryScores scores;

  VerifyCopies(RetoldSettings settings, PairEvidence evidence, StoryScores scores) {
    this.evidence = evidence;
    this.originRule = new OriginRule(settings.copies().originAsymmetry());
    this.scores = scores;
  }

  /**
   * The candidates that are copies, with the copy groups their duplicates and near-duplicates make.
   * A derived pair does not join groups: an article can retell parts of two stories (a round-up of
   * the day's news), so the clustering weighs derived pairs as strong links instead ({@link
   * ClusterStories}).
   *
   * @throws IOException if an article cannot be read again, or reads differently
   */
  CopyPairs verify(List<CandidatePair> candidates, PairReader reader) throws IOException {
    List<Optional<ArticlePair>> verified =
        reader.inBlocks("compare", PairReader.Job.of(candidates), this);
    long[] keys = new long[candidates.size()];
    List<ArticlePair> pairs = new ArrayList<>();
    UnionFind copies = new UnionFind(scores.size());
    for (int i = 0; i < candidates.size(); i++) {
      if (verified.get(i).isPresent()) {
        CandidatePair pair = candidates.get(i);
        keys[pairs.size()] = pair.key(); // candidates are sorted, so the keys are
        ArticlePair copy = verified.get(i).get();
        pairs.add(copy);
        if (copy.relation() != Relation.DERIVED) {
          copies.union(pair.a(), pair.b());
        }
      }
    }
    int[] groups = new int[scores.size()];
    for (int k = 0; k < groups.length; k++) {
      groups[k] = copies.find(k);
    }
    return new CopyPairs(
        new PairTable(Arrays.copyOf(keys, pairs.size()), pairs.toArray(ArticlePair[]::new)),
        groups);
  }

  @Override
  public Optional<ArticlePair> apply(PairReader.Job job, AnalyzedArticle a, AnalyzedArticle b) {
    ShingleOverlap overlap = evidence.overlap(a, b);
    Optional<Relation> relation = evidence.copyRelation(a, b, overlap);
    if (relation.isEmpty()) {
      return Optional.empty(); // most candidates end here: no passages needed
    }
    String origin =
        switch (originRule.origin(
            relation.get(), overlap, a.article().date(), b.article().date())) {
          case A -> a.article().id();
          case B -> b.article().id();
          case UNKNOWN -> null;
        };
    return Optional.of(
        PairEvidence.pair(
            a,
            b,
            relation.get(),
            origin,
            scores.score(job.a(), job.b()),
            overlap,
            evidence.passages(a, b, overlap)));
  }
}
