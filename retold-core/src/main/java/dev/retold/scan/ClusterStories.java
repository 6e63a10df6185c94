package dev.retold.scan;

import dev.retold.Relation;
import dev.retold.RetoldSettings;
import dev.retold.cluster.AverageLinkClusterer;
import dev.retold.cluster.ScoredEdge;
import dev.retold.index.CandidatePair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The scan's stories at one threshold: average-link clustering of the story scores relative to the
 * articles' backgrounds, started from the copy groups so that duplicates and near-duplicates always
 * nest in one story ({@link AverageLinkClusterer}, with the settings' cohesion rule: two groups
 * each tight inside and looser between stay two stories), and the same-story links that it puts in
 * one story. A derived pair weighs at least {@value #DERIVED_FLOOR}: a rewrite joins the story of
 * what it rewrites, yet an article that retells parts of two stories (a round-up) joins one of
 * them, not both, because the average link also weighs how little the two stories' other members
 * share.
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
    this.edges = withDerived(graph.clusterEdges(), copies.pairs(), copies.exact());
  }

  /**
   * The stories at {@code threshold}. A same-story link to an exact copy is taken as the link to
   * its representative (the same words, so the same evidence), and a link within one copy group is
   * no link at all: the group stands for it. So a story that holds {@code n} copies has links in
   * proportion to its other articles, not to {@code n} times them.
   */
  Clustering cluster(double threshold) {
    int[] storyOf =
        new AverageLinkClusterer(threshold, stories.cohesion())
            .cluster(copies.groups().length, edges, copies.groups(), graph.backgrounds());
    ExactCopies exact = copies.exact();
    List<ScoredEdge> links = new ArrayList<>();
    boolean remapped = false;
    for (ScoredEdge edge : graph.edges()) {
      if (edge.score() >= stories.minSimilarity()
          && storyOf[edge.a()] == storyOf[edge.b()]
          && !graph.apart(edge.a(), edge.b())) {
        int a = Math.min(exact.representative(edge.a()), exact.representative(edge.b()));
        int b = Math.max(exact.representative(edge.a()), exact.representative(edge.b()));
        if (!copies.sameGroup(a, b) && !copies.pairs().contains(CandidatePair.key(a, b))) {
          remapped |= a != edge.a() || b != edge.b();
          links.add(new ScoredEdge(a, b, edge.score()));
        }
      }
    }
    return new Clustering(threshold, storyOf, remapped ? distinct(links) : links);
  }

  /** The edges by (a, b), each pair once, with its highest score. */
  private static List<ScoredEdge> distinct(List<ScoredEdge> edges) {
    List<ScoredEdge> sorted = new ArrayList<>(edges);
    sorted.sort(
        Comparator.comparingLong(ClusterStories::key)
            .thenComparing(Comparator.comparingDouble(ScoredEdge::score).reversed()));
    List<ScoredEdge> distinct = new ArrayList<>();
    for (ScoredEdge edge : sorted) {
      if (distinct.isEmpty() || key(distinct.get(distinct.size() - 1)) != key(edge)) {
        distinct.add(edge);
      }
    }
    return distinct;
  }

  /**
   * The edges with each derived pair's score raised to {@value #DERIVED_FLOOR}, by (a, b): a linear
   * merge of the edges (sorted by (a, b)) with the copy pairs (sorted by key, which is the same
   * order).
   *
   * <p>A derived pair of two exact copies' representatives stands for every pair of their classes
   * ({@link ExactCopies}), which were never verified: it weighs as all of them, its raised score
   * times the product of the classes' sizes, and the story edges between the two classes' other
   * members are left out, counted in it. So a rewrite of a text copied {@code n} times weighs with
   * the copy group in the clustering as it would if each of its {@code n} pairs had been verified.
   */
  static List<ScoredEdge> withDerived(List<ScoredEdge> edges, PairTable copies, ExactCopies exact) {
    long[] derived = new long[copies.size()];
    int count = 0;
    for (int i = 0; i < copies.size(); i++) {
      if (copies.pair(i).relation() == Relation.DERIVED) {
        derived[count++] = copies.key(i);
      }
    }
    long[] derivedKeys = Arrays.copyOf(derived, count); // sorted, as the copy pairs are
    List<ScoredEdge> merged = new ArrayList<>(edges.size() + count);
    int e = 0;
    for (long key : derivedKeys) {
      while (e < edges.size() && key(edges.get(e)) < key) {
        addUncovered(merged, edges.get(e++), derivedKeys, exact);
      }
      double score = 0;
      if (e < edges.size() && key(edges.get(e)) == key) {
        score = edges.get(e++).score();
      }
      CandidatePair pair = CandidatePair.ofKey(key);
      double pairs = (double) exact.classSize(pair.a()) * exact.classSize(pair.b());
      merged.add(new ScoredEdge(pair.a(), pair.b(), Math.max(score, DERIVED_FLOOR) * pairs));
    }
    while (e < edges.size()) {
      addUncovered(merged, edges.get(e++), derivedKeys, exact);
    }
    return merged;
  }

  /** Adds {@code edge} unless a derived pair of its ends' representatives counts it. */
  private static void addUncovered(
      List<ScoredEdge> merged, ScoredEdge edge, long[] derivedKeys, ExactCopies exact) {
    long represented = exact.toRepresentatives(key(edge));
    if (represented < 0
        || represented == key(edge)
        || Arrays.binarySearch(derivedKeys, represented) < 0) {
      merged.add(edge);
    }
  }

  private static long key(ScoredEdge edge) {
    return CandidatePair.key(edge.a(), edge.b());
  }
}
