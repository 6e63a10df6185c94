package dev.retold.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Agglomerative clustering with average linkage on a sparse similarity graph: repeatedly merges the
 * two clusters whose mean similarity over all their cross pairs is highest (a pair without an edge
 * counts as 0), until no two clusters reach {@code threshold}.
 *
 * <p>Why average linkage: single linkage (connected components) lets one article that resembles two
 * stories join them into one; under average linkage a bridge adds only its own similarities to the
 * mean of all cross pairs, which stays low. Work is proportional to the edges and merges (times a
 * logarithm), never to all pairs. Ties are broken by item ids, so the result is deterministic.
 *
 * <p>With offsets, each item has a background {@code o} and a pair's score is taken as its
 * similarity minus the mean of its items' backgrounds, a pair without an edge included (its
 * similarity 0): the mean over two clusters' cross pairs is then their mean similarity minus the
 * mean of their mean backgrounds, which the clusters keep as a sum, so the work stays on the edges
 * (see {@link BackgroundSimilarity}).
 *
 * <p>With a {@code cohesion} above 0, two clusters that each already hold a pair the clustering
 * joined (a pair across two starting clusters) merge only if the mean score of their cross pairs
 * reaches {@code cohesion} times the lesser of their own mean internal scores (all scores relative
 * to the backgrounds, as above). Two halves of one story are about as close to each other as
 * within; two events of one storyline (a lawsuit, then the bankruptcy it led to) or two incidents
 * of one kind are each tight inside and looser between, however high their absolute similarity: the
 * rule is relative to the clusters' own density, not to one absolute cut. An item alone, or a
 * starting cluster alone (copies), joins by the threshold only.
 *
 * @param threshold the mean similarity two clusters need to merge, in (0, 1]
 * @param cohesion the least ratio of two grown clusters' cross mean to the lesser of their internal
 *     means, in [0, 1]; 0 turns the rule off
 */
public record AverageLinkClusterer(double threshold, double cohesion) {

  /** Checks the threshold and the cohesion. */
  public AverageLinkClusterer {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
    }
    if (!(cohesion >= 0 && cohesion <= 1)) {
      throw new IllegalArgumentException("cohesion must be in [0, 1]: " + cohesion);
    }
  }

  /**
   * Average linkage at {@code threshold}, without the cohesion rule.
   *
   * @param threshold the mean similarity two clusters need to merge, in (0, 1]
   */
  public AverageLinkClusterer(double threshold) {
    this(threshold, 0);
  }

  /**
   * Clusters {@code items} items, starting from a partition that is never undone.
   *
   * @param items how many items, ids {@code 0..items-1}
   * @param edges similarity edges, each pair at most once
   * @param initial the starting cluster of each item (any int labels), or null for singletons
   * @return each item's cluster, named by the smallest item id in it
   */
  public int[] cluster(int items, List<ScoredEdge> edges, int[] initial) {
    return cluster(items, edges, initial, new double[items]);
  }

  /**
   * Clusters as {@link #cluster(int, List, int[])} does, each pair's score lowered by the mean of
   * its two items' {@code offsets}.
   *
   * @param offsets each item's background, subtracted (as the mean of a pair's two) from every pair
   */
  public int[] cluster(int items, List<ScoredEdge> edges, int[] initial, double[] offsets) {
    if (offsets.length != items) {
      throw new IllegalArgumentException(
          "offsets must give one for each of " + items + " items: " + offsets.length);
    }
    int[] representative = new int[items];
    int[] size = new int[items];
    initialClusters(items, initial, representative, size);
    double[] offset = new double[items];
    for (int item = 0; item < items; item++) {
      offset[representative[item]] += offsets[item];
    }
    Density density = new Density(size);
    List<Map<Integer, Double>> links = new ArrayList<>(Collections.nCopies(items, null));
    for (ScoredEdge edge : edges) {
      int a = representative[edge.a()];
      int b = representative[edge.b()];
      if (a != b) {
        link(links, a, b, edge.score());
        link(links, b, a, edge.score());
      }
    }
    int[] version = new int[items];
    PriorityQueue<Candidate> queue = new PriorityQueue<>();
    for (int a = 0; a < items; a++) {
      if (links.get(a) != null) {
        for (Map.Entry<Integer, Double> link : links.get(a).entrySet()) {
          int b = link.getKey();
          if (a < b) {
            queue.add(candidate(a, b, link.getValue(), size, offset, version));
          }
        }
      }
    }
    while (!queue.isEmpty()) {
      Candidate best = queue.poll();
      if (best.mean < threshold) {
        break;
      }
      if (version[best.a] != best.versionA || version[best.b] != best.versionB) {
        continue; // one side has merged since
      }
      double sum = links.get(best.a).get(best.b);
      if (cohesion > 0 && !density.cohesive(best.a, best.b, sum, best.mean, cohesion, offset)) {
        continue;
      }
      density.merge(best.a, best.b, sum);
      merge(best.a, best.b, links, size, offset, version, queue);
      representative[best.b] = best.a;
    }
    int[] clusterOf = new int[items];
    for (int item = 0; item < items; item++) {
      clusterOf[item] = find(representative, item);
    }
    return clusterOf;
  }

  /** Merges cluster {@code b} into {@code a} (a < b), and queues a's new links. */
  private static void merge(
      int a,
      int b,
      List<Map<Integer, Double>> links,
      int[] size,
      double[] offset,
      int[] version,
      PriorityQueue<Candidate> queue) {
    links.get(a).remove(b);
    links.get(b).remove(a);
    for (Map.Entry<Integer, Double> link : links.get(b).entrySet()) {
      int other = link.getKey();
      link(links, a, other, link.getValue());
      links.get(other).remove(b);
      link(links, other, a, link.getValue());
    }
    links.set(b, null);
    size[a] += size[b];
    offset[a] += offset[b];
    version[a]++;
    version[b]++;
    for (Map.Entry<Integer, Double> link : links.get(a).entrySet()) {
      int other = link.getKey();
      queue.add(
          candidate(
              Math.min(a, other), Math.max(a, other), link.getValue(), size, offset, version));
    }
  }

  private static void initialClusters(int items, int[] initial, int[] representative, int[] size) {
    if (initial != null && initial.length != items) {
      throw new IllegalArgumentException(
          "initial must give a cluster for each of " + items + " items: " + initial.length);
    }
    Map<Integer, Integer> firstOfLabel = new HashMap<>();
    for (int item = 0; item < items; item++) {
      int rep = initial == null ? item : firstOfLabel.computeIfAbsent(initial[item], k -> -1);
      if (rep == -1) {
        rep = item;
        firstOfLabel.put(initial[item], item);
      }
      representative[item] = rep;
      size[rep]++;
    }
  }

  private static int find(int[] representative, int item) {
    int root = item;
    while (representative[root] != root) {
      root = representative[root];
    }
    for (int x = item; representative[x] != root; ) {
      int next = representative[x];
      representative[x] = root;
      x = next;
    }
    return root;
  }

  private static void link(List<Map<Integer, Double>> links, int from, int to, double score) {
    if (links.get(from) == null) {
      links.set(from, new HashMap<>());
    }
    links.get(from).merge(to, score, Double::sum);
  }

  private static Candidate candidate(
      int a, int b, double sum, int[] size, double[] offset, int[] version) {
    double mean =
        sum / ((double) size[a] * size[b]) - (offset[a] / size[a] + offset[b] / size[b]) / 2;
    return new Candidate(a, b, mean, version[a], version[b]);
  }

  /**
   * What the cohesion rule keeps of each cluster: the sum of its joined pairs' similarities (pairs
   * across its starting clusters; a pair without an edge counts as 0) and the sum of its starting
   * clusters' squared sizes, from which the number of those pairs follows.
   */
  private static final class Density {
    private final int[] size;
    private final double[] internal;
    private final double[] squares;

    Density(int[] size) {
      this.size = size;
      this.internal = new double[size.length];
      this.squares = new double[size.length];
      for (int rep = 0; rep < size.length; rep++) {
        squares[rep] = (double) size[rep] * size[rep];
      }
    }

    /**
     * Whether {@code a} and {@code b}, whose cross pairs' relative mean is {@code mean}, may merge.
     */
    boolean cohesive(int a, int b, double sum, double mean, double cohesion, double[] offset) {
      double pairsA = joinedPairs(a);
      double pairsB = joinedPairs(b);
      if (pairsA == 0 || pairsB == 0) {
        return true;
      }
      double withinA = internal[a] / pairsA - offset[a] / size[a];
      double withinB = internal[b] / pairsB - offset[b] / size[b];
      return mean >= cohesion * Math.min(withinA, withinB);
    }

    /** Records that {@code b} merges into {@code a} with cross pairs summing to {@code sum}. */
    void merge(int a, int b, double sum) {
      internal[a] += internal[b] + sum;
      squares[a] += squares[b];
    }

    private double joinedPairs(int rep) {
      return ((double) size[rep] * size[rep] - squares[rep]) / 2;
    }
  }

  /** A possible merge, best first: highest mean, then smallest ids. */
  private record Candidate(int a, int b, double mean, int versionA, int versionB)
      implements Comparable<Candidate> {
    @Override
    public int compareTo(Candidate other) {
      int byMean = Double.compare(other.mean, mean);
      if (byMean != 0) {
        return byMean;
      }
      return a != other.a ? Integer.compare(a, other.a) : Integer.compare(b, other.b);
    }
  }
}
