package dev.retold.scan;

import dev.retold.Relation;
import dev.retold.RetoldSettings;
import dev.retold.cluster.AverageLinkClusterer;
import dev.retold.cluster.ScoredEdge;
import dev.retold.index.CandidatePair;
import java.util.ArrayList;
import java.util.List;

/**
 * The scan's stories at one threshold: average-link clustering of the story scores relative to the
 * articles' backgrounds, started from the copy groups so that duplicates and near-duplicates always
 * nest in one story ({@link AverageLinkClusterer}), and the same-story links that it puts in one
 * story. A derived pair weighs at least {@value #DERIVED_FLOOR}: a rewrite joins the story of what
 * it rewrites, yet an article that retells parts of two stories (a round-up) joins one of them, not
 * both, because the average link also weighs how little the two stories' other members share.
 */
final class ClusterStories {
  /**
   * The least a derived pair weighs in the clustering, whatever its story score: a strong link, so
   * a rewrite joins what it rewrites, yet not so strong that one round-up, or a house template two
   * reports share, outweighs everything else two stories' members say of each other. (On the dev
   * suite 0 to 1 give the same figures within 0.001; the story cases test fails at 1.)
   */
  static final double DERIVED_FLOOR = 0.5;

  private final RetoldSettings.Stories stories;
  private final StoryGraph graph;
  private final CopyPairs copies;
  private final List<ScoredEdge> edges;

  /** Clusters {@code graph} from {@code copies}, at any threshold; the edges are merged once. */
  ClusterStories(RetoldSettings.Stories stories, StoryGraph graph, CopyPairs copies) {
    this.stories = stories;
    this.graph = graph;
    this.copies = copies;
    this.edges = withDerived(graph.clusterEdges(), copies.pairs());
  }

  /** The stories at {@code threshold}. */
  Clustering cluster(double threshold) {
    int[] storyOf =
        new AverageLinkClusterer(threshold)
            .cluster(copies.groups().length, edges, copies.groups(), graph.backgrounds());
    List<ScoredEdge> links = new ArrayList<>();
    for (ScoredEdge edge : graph.edges()) {
      if (edge.score() >= stories.minSimilarity()
          && storyOf[edge.a()] == storyOf[edge.b()]
          && !graph.apart(edge.a(), edge.b())
          && !copies.pairs().contains(CandidatePair.key(edge.a(), edge.b()))) {
        links.add(edge);
      }
    }
    return new Clustering(threshold, storyOf, links);
  }

  /**
   * The edges with each derived pair's score raised to {@value #DERIVED_FLOOR}, by (a, b): a linear
   * merge of the edges (sorted by (a, b)) with the copy pairs (sorted by key, which is the same
   * order).
   */
  static List<ScoredEdge> withDerived(List<ScoredEdge> edges, PairTable copies) {
    List<ScoredEdge> merged = new ArrayList<>(edges.size());
    int e = 0;
    for (int i = 0; i < copies.size(); i++) {
      if (copies.pair(i).relation() != Relation.DERIVED) {
        continue;
      }
      long key = copies.key(i);
      while (e < edges.size() && key(edges.get(e)) < key) {
        merged.add(edges.get(e++));
      }
      double score = 0;
      if (e < edges.size() && key(edges.get(e)) == key) {
        score = edges.get(e++).score();
      }
      CandidatePair pair = CandidatePair.ofKey(key);
      merged.add(new ScoredEdge(pair.a(), pair.b(), Math.max(score, DERIVED_FLOOR)));
    }
    merged.addAll(edges.subList(e, edges.size()));
    return merged;
  }

  private static long key(ScoredEdge edge) {
    return CandidatePair.key(edge.a(), edge.b());
  }
}
