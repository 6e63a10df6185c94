package dev.retold.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Re-scores a similarity graph by how much two items' neighbourhoods agree: {@code sqrt(shared *
 * similarity)}, where {@code shared} is the share of the two items' nearest-neighbour lists (each
 * item counting as its own first neighbour) they have in common, over {@code neighbours + 1}.
 *
 * <p>Why: how similar two reports of one event are depends on the topic. Two articles about two
 * different earthquakes in one county can be more alike in words than two articles about one
 * summit, so no single similarity threshold separates stories everywhere. Whether two articles see
 * the same articles as their closest is a relative test that adapts to each topic's density (the
 * shared-nearest-neighbour idea of Jarvis and Patrick). The geometric mean with the similarity
 * keeps an absolute floor: neighbours share nothing unless they are similar at all.
 *
 * <p>Only edges at or above {@code minSimilarity} count, as neighbours and as results. Ties among
 * neighbours go to the smaller item, so the result is deterministic.
 *
 * @param neighbours how many nearest neighbours each item keeps, >= 1
 * @param minSimilarity edges below this are ignored, in [0, 1]
 */
public record SharedNeighbourSimilarity(int neighbours, double minSimilarity) {

  /** Checks the settings. */
  public SharedNeighbourSimilarity {
    if (neighbours < 1) {
      throw new IllegalArgumentException("neighbours must be >= 1: " + neighbours);
    }
    if (!(minSimilarity >= 0 && minSimilarity <= 1)) {
      throw new IllegalArgumentException("minSimilarity must be in [0, 1]: " + minSimilarity);
    }
  }

  /**
   * The re-scored edges, in the order given, dropping those below {@code minSimilarity}.
   *
   * @param items how many items, ids {@code 0..items-1}
   * @param edges similarity edges, each pair at most once
   */
  public List<ScoredEdge> rescore(int items, List<ScoredEdge> edges) {
    int[][] nearest = nearestNeighbours(items, edges);
    List<ScoredEdge> rescored = new ArrayList<>();
    for (ScoredEdge edge : edges) {
      if (edge.score() < minSimilarity) {
        continue;
      }
      int shared = sharedCount(edge.a(), nearest[edge.a()], edge.b(), nearest[edge.b()]);
      double share = (double) shared / (neighbours + 1);
      rescored.add(new ScoredEdge(edge.a(), edge.b(), Math.sqrt(share * edge.score())));
    }
    return rescored;
  }

  /** Each item's nearest neighbours, sorted by id for the intersection. */
  private int[][] nearestNeighbours(int items, List<ScoredEdge> edges) {
    List<List<ScoredEdge>> incident = new ArrayList<>(items);
    for (int i = 0; i < items; i++) {
      incident.add(new ArrayList<>());
    }
    for (ScoredEdge edge : edges) {
      if (edge.score() >= minSimilarity) {
        incident.get(edge.a()).add(edge);
        incident.get(edge.b()).add(edge);
      }
    }
    int[][] nearest = new int[items][];
    for (int item = 0; item < items; item++) {
      final int self = item;
      List<ScoredEdge> own = incident.get(item);
      own.sort(
          (x, y) -> {
            int byScore = Double.compare(y.score(), x.score());
            return byScore != 0 ? byScore : Integer.compare(other(x, self), other(y, self));
          });
      int count = Math.min(neighbours, own.size());
      int[] ids = new int[count];
      for (int k = 0; k < count; k++) {
        ids[k] = other(own.get(k), self);
      }
      Arrays.sort(ids);
      nearest[item] = ids;
    }
    return nearest;
  }

  private static int other(ScoredEdge edge, int item) {
    return edge.a() == item ? edge.b() : edge.a();
  }

  /** |({a} + nearA) & ({b} + nearB)|, both lists sorted. */
  private static int sharedCount(int a, int[] nearA, int b, int[] nearB) {
    int shared = 0;
    if (Arrays.binarySearch(nearB, a) >= 0) {
      shared++; // a is among b's neighbours
    }
    if (Arrays.binarySearch(nearA, b) >= 0) {
      shared++; // b is among a's neighbours
    }
    int i = 0;
    int j = 0;
    while (i < nearA.length && j < nearB.length) {
      if (nearA[i] == nearB[j]) {
        shared++;
        i++;
        j++;
      } else if (nearA[i] < nearB[j]) {
        i++;
      } else {
        j++;
      }
    }
    return shared;
  }
}
