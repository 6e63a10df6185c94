package dev.retold.scan;

import dev.retold.RetoldSettings;
import dev.retold.cluster.ScoredEdge;
import dev.retold.cluster.SharedNeighbourSimilarity;
import dev.retold.index.SharedHashCandidate;
import dev.retold.index.SharedHashIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The scan's story candidates: pairs sharing at least {@value #MIN_SHARED_TERMS} of their heaviest
 * terms (never all pairs: the shared-hash index that finds shared shingles works on any sorted hash
 * sets, here each article's top terms), each scored ({@link StoryScores}) and re-scored by shared
 * neighbours ({@link SharedNeighbourSimilarity}).
 *
 * <p>The story vectors hold only terms some other article has too, so every top term can pair. A
 * term among more than {@value #MAX_TERM_FREQUENCY} articles' heaviest pairs nothing alone, which
 * keeps the work linear in the articles.
 */
final class StoryCandidates {
  /** Story candidates must share at least this many of their heaviest terms. */
  static final int MIN_SHARED_TERMS = 2;

  /** A heavy term found among this many articles' heaviest does not make candidates alone. */
  static final int MAX_TERM_FREQUENCY = 128;

  private final RetoldSettings.Stories stories;
  private final StageRunner stages;

  StoryCandidates(RetoldSettings.Stories stories, StageRunner stages) {
    this.stories = stories;
    this.stages = stages;
  }

  /** The scored story candidates of every article {@code scores} knows. */
  StoryGraph find(StoryScores scores) {
    List<long[]> tops =
        stages.inParallel(
            "top",
            scores.size(),
            k -> {
              int[] top = scores.vector(k).topTerms(stories.topTerms(), term -> true);
              long[] sorted = new long[top.length];
              for (int i = 0; i < top.length; i++) {
                sorted[i] = top[i];
              }
              Arrays.sort(sorted);
              return sorted;
            });
    SharedHashIndex.Builder topTerms =
        SharedHashIndex.builder()
            .maxDocumentFrequency(MAX_TERM_FREQUENCY)
            .threads(stages.threads())
            .minSharedHashes(MIN_SHARED_TERMS);
    for (int k = 0; k < tops.size(); k++) {
      topTerms.add(k, tops.get(k));
    }
    List<SharedHashCandidate> candidates = topTerms.build().candidates();
    List<ScoredEdge> edges =
        stages.inParallel(
            "story",
            candidates.size(),
            i -> {
              SharedHashCandidate candidate = candidates.get(i);
              int a = candidate.pair().a();
              int b = candidate.pair().b();
              return new ScoredEdge(a, b, scores.score(a, b));
            });
    return new StoryGraph(edges, neighbours().rescore(scores.size(), edges));
  }

  /** Every pair of the articles, scored: for {@code compare}, whose articles are few. */
  StoryGraph allPairs(StoryScores scores) {
    List<ScoredEdge> edges = new ArrayList<>();
    for (int a = 0; a < scores.size(); a++) {
      for (int b = a + 1; b < scores.size(); b++) {
        edges.add(new ScoredEdge(a, b, scores.score(a, b)));
      }
    }
    return new StoryGraph(edges, neighbours().rescore(scores.size(), edges));
  }

  private SharedNeighbourSimilarity neighbours() {
    return new SharedNeighbourSimilarity(stories.neighbours(), stories.minSimilarity());
  }
}
