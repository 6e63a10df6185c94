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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The scan's copy verification: every copy candidate read again and checked on the exact shingle
 * sets; a pair is kept only if a copy relation holds ({@link PairEvidence}), with its origin
 * ({@link OriginRule}) and story score. Passages are searched later, for the pairs reported only
 * ({@link FindEvidence}): of a copy group of {@code n}, one pair rather than all.
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
  CopyPairs verify(
      List<CandidatePair> candidates, PairReader reader, ArticleTable articles, ExactCopies exact)
      throws IOException {
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
    PairTable table =
        new PairTable(Arrays.copyOf(keys, pairs.size()), pairs.toArray(ArticlePair[]::new));
    return new CopyPairs(table, groups, exact, copyGroups(table, groups, articles));
  }

  /**
   * The groups of two or more articles: each one's members, its representative (the member {@link
   * ExactCopies#first} puts first), its relation and its evidence pair (the representative's
   * strongest joining pair: DUPLICATE before NEAR_DUPLICATE, then the higher Jaccard, then by key).
   */
  private static List<CopyPairs.Group> copyGroups(
      PairTable pairs, int[] groups, ArticleTable articles) {
    int n = groups.length;
    int[] sizes = new int[n];
    for (int group : groups) {
      sizes[group]++;
    }
    Comparator<Integer> first = ExactCopies.first(articles);
    int[] representatives = new int[n];
    Arrays.fill(representatives, -1);
    for (int k = 0; k < n; k++) {
      int group = groups[k];
      if (sizes[group] > 1
          && (representatives[group] < 0 || first.compare(k, representatives[group]) < 0)) {
        representatives[group] = k;
      }
    }
    boolean[] near = new boolean[n];
    int[] evidence = new int[n];
    Arrays.fill(evidence, -1);
    for (int i = 0; i < pairs.size(); i++) {
      ArticlePair pair = pairs.pair(i);
      CandidatePair ends = CandidatePair.ofKey(pairs.key(i));
      int group = groups[ends.a()];
      if (pair.relation() == Relation.DERIVED || group != groups[ends.b()]) {
        continue;
      }
      near[group] |= pair.relation() == Relation.NEAR_DUPLICATE;
      int representative = representatives[group];
      if ((ends.a() == representative || ends.b() == representative)
          && (evidence[group] < 0 || stronger(pair, pairs.pair(evidence[group])))) {
        evidence[group] = i;
      }
    }
    List<List<Integer>> members = new ArrayList<>();
    int[] slot = new int[n];
    Arrays.fill(slot, -1);
    List<Integer> roots = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      int group = groups[k];
      if (sizes[group] > 1) {
        if (slot[group] < 0) {
          slot[group] = members.size();
          members.add(new ArrayList<>());
          roots.add(group);
        }
        members.get(slot[group]).add(k);
      }
    }
    List<CopyPairs.Group> result = new ArrayList<>();
    for (int g = 0; g < roots.size(); g++) {
      int group = roots.get(g);
      result.add(
          new CopyPairs.Group(
              representatives[group],
              members.get(g).stream().mapToInt(Integer::intValue).toArray(),
              near[group] ? Relation.NEAR_DUPLICATE : Relation.DUPLICATE,
              pairs.key(evidence[group])));
    }
    result.sort(Comparator.comparingInt(CopyPairs.Group::representative));
    return result;
  }

  private static boolean stronger(ArticlePair pair, ArticlePair than) {
    int relation = pair.relation().compareTo(than.relation());
    return relation < 0 || relation == 0 && pair.jaccard() > than.jaccard();
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
        PairEvidence.verified(
            a,
            b,
            relation.get(),
            origin,
            scores.score(job.a(), job.b()),
            scores.semantic(job.a(), job.b()),
            overlap)); // passages and names come later, for the pairs reported
  }
}
