package dev.retold.scan;

import dev.retold.cluster.ScoredEdge;
import dev.retold.index.CandidatePair;
import java.util.Arrays;
import java.util.List;

/**
 * The story candidates of a scan with their scores, and what the clustering reads of them: every
 * candidate pair with its story score; the same edges for the clustering (a pair dated too far
 * apart marked so); each article's background (what its 10th to 50th closest candidates score); and
 * which pairs are dated apart.
 *
 * @param edges the candidate pairs with their story scores, by (a, b)
 * @param clusterEdges the edges the clustering reads, by (a, b)
 * @param backgrounds each article's background
 * @param apartKeys the pair keys of the candidates dated too far apart, sorted
 */
record StoryGraph(
    List<ScoredEdge> edges, List<ScoredEdge> clusterEdges, double[] backgrounds, long[] apartKeys) {
  StoryGraph {
    edges = List.copyOf(edges);
    clusterEdges = List.copyOf(clusterEdges);
    backgrounds = backgrounds.clone();
    apartKeys = apartKeys.clone();
    Arrays.sort(apartKeys);
  }

  /** Whether articles {@code a < b} are dated too far apart to be one story. */
  boolean apart(int a, int b) {
    return Arrays.binarySearch(apartKeys, CandidatePair.key(a, b)) >= 0;
  }

  /** How far the pair's score stands above the mean of its two articles' backgrounds. */
  double relative(int a, int b, double score) {
    return score - (backgrounds[a] + backgrounds[b]) / 2;
  }
}
