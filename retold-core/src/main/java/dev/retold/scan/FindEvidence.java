package dev.retold.scan;

import dev.retold.ArticlePair;
import dev.retold.Relation;
import dev.retold.cluster.ScoredEdge;
import dev.retold.index.CandidatePair;
import dev.retold.similarity.ShingleOverlap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The scan's evidence: the shared passages of every pair reported, read again once. That is every
 * same-story link of any of the clusterings asked for (however many thresholds of a sweep link it),
 * scored here with its overlap, and the copy pairs verified before, which get their passages here:
 * those not within one copy group, and each group's evidence pair ({@link CopyPairs#evidenceKeys}).
 */
final class FindEvidence implements PairWork<ArticlePair> {
  private final PairEvidence evidence;
  private final StoryScores scores;
  private final CopyPairs copies;

  FindEvidence(PairEvidence evidence, StoryScores scores, CopyPairs copies) {
    this.evidence = evidence;
    this.scores = scores;
    this.copies = copies;
  }

  /**
   * The same-story pairs of every link of {@code clusterings}, and the reported pairs of {@code
   * copies}, all with their passages.
   *
   * @throws IOException if an article cannot be read again, or reads differently
   */
  PairTable find(List<Clustering> clusterings, PairReader reader) throws IOException {
    long[] copyKeys = copies.evidenceKeys();
    int total = copyKeys.length;
    for (Clustering clustering : clusterings) {
      total += clustering.links().size();
    }
    long[] keys = Arrays.copyOf(copyKeys, total);
    int size = copyKeys.length;
    for (Clustering clustering : clusterings) {
      for (ScoredEdge link : clustering.links()) {
        keys[size++] = CandidatePair.key(link.a(), link.b());
      }
    }
    Arrays.sort(keys);
    int distinct = 0;
    for (int i = 0; i < size; i++) {
      if (i == 0 || keys[i] != keys[distinct - 1]) {
        keys[distinct++] = keys[i];
      }
    }
    long[] linked = Arrays.copyOf(keys, distinct);
    List<PairReader.Job> jobs = new ArrayList<>(distinct);
    for (long key : linked) {
      CandidatePair pair = CandidatePair.ofKey(key);
      jobs.add(new PairReader.Job(pair.a(), pair.b()));
    }
    List<ArticlePair> pairs = reader.inBlocks("evidence", jobs, this);
    return new PairTable(linked, pairs.toArray(ArticlePair[]::new));
  }

  @Override
  public ArticlePair apply(PairReader.Job job, AnalyzedArticle a, AnalyzedArticle b) {
    ShingleOverlap overlap = evidence.overlap(a, b);
    ArticlePair copy = copies.pairs().get(CandidatePair.key(job.a(), job.b()));
    if (copy != null) {
      return PairEvidence.pair(
          a,
          b,
          copy.relation(),
          copy.origin(),
          copy.similarity(),
          copy.semanticSimilarity(),
          overlap,
          evidence.passages(a, b, overlap));
    }
    return PairEvidence.pair(
        a,
        b,
        Relation.SAME_STORY,
        null,
        scores.score(job.a(), job.b()),
        scores.semantic(job.a(), job.b()),
        overlap,
        evidence.passages(a, b, overlap));
  }
}
