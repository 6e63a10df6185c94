package dev.retold.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Re-scores a similarity graph by how far each edge stands above the background of its two items'
 * neighbourhoods: {@code s(a, b) - (background(a) + background(b)) / 2}, where an item's background
 * is the mean score of its neighbours ranked {@code from} to {@code to} (1 = the most similar; a
 * rank without a neighbour scores 0). Edges that do not stand above it are dropped.
 *
 * <p>Why: how alike two reports of one event are depends on the kind of news. Every report of a
 * shooting resembles every other; short snippets of different stories share little; two earthquakes
 * in one county share much. No absolute similarity separates stories in all of them, but in each an
 * article's 10th to 50th closest articles are, nearly always, on other stories: what they score is
 * what "not my story" scores here. A story's members stand out above that, wherever it lies, so one
 * threshold on the difference holds across kinds of news (measured on three corpora of different
 * kinds; see {@code retold-bench quality}).
 *
 * <p>Work is linear in the edges (a sort of each item's incident scores). Deterministic.
 *
 * @param from the first rank of the background, >= 1
 * @param to the last rank of the background, >= {@code from}
 */
public record BackgroundSimilarity(int from, int to) {

  /** Checks the ranks. */
  public BackgroundSimilarity {
    if (from < 1 || to < from) {
      throw new IllegalArgumentException("need 1 <= from <= to: " + from + ", " + to);
    }
  }

  /**
   * Each item's background: the mean of its incident edge scores ranked {@code from} to {@code to}.
   *
   * @param items how many items, ids {@code 0..items-1}
   * @param edges similarity edges, each pair at most once
   */
  public double[] backgrounds(int items, List<ScoredEdge> edges) {
    return backgrounds(items, edges, null);
  }

  /**
   * Each item's background, where the items of one group (copies of one text) count as one
   * neighbour of each other: of an item's edges into its own group only the highest score is
   * ranked. A text copied fifty times thus has a background from its other neighbours, not fifty
   * near-1 scores, while two copies rank each other as any neighbour.
   *
   * @param items how many items, ids {@code 0..items-1}
   * @param edges similarity edges, each pair at most once
   * @param groups each item's group, or {@code null} for no groups
   */
  public double[] backgrounds(int items, List<ScoredEdge> edges, int[] groups) {
    int[] degree = new int[items + 1];
    double[] bestInGroup = new double[items];
    Arrays.fill(bestInGroup, Double.NaN);
    for (ScoredEdge edge : edges) {
      if (groups != null && groups[edge.a()] == groups[edge.b()]) {
        bestInGroup[edge.a()] = maxOf(bestInGroup[edge.a()], edge.score());
        bestInGroup[edge.b()] = maxOf(bestInGroup[edge.b()], edge.score());
        continue;
      }
      degree[edge.a() + 1]++;
      degree[edge.b() + 1]++;
    }
    for (int item = 0; item < items; item++) {
      degree[item + 1] += degree[item] + (Double.isNaN(bestInGroup[item]) ? 0 : 1);
    }
    double[] scores = new double[degree[items]];
    int[] next = Arrays.copyOf(degree, items);
    for (ScoredEdge edge : edges) {
      if (groups == null || groups[edge.a()] != groups[edge.b()]) {
        scores[next[edge.a()]++] = edge.score();
        scores[next[edge.b()]++] = edge.score();
      }
    }
    for (int item = 0; item < items; item++) {
      if (!Double.isNaN(bestInGroup[item])) {
        scores[next[item]++] = bestInGroup[item];
      }
    }
    double[] background = new double[items];
    for (int item = 0; item < items; item++) {
      int start = degree[item];
      int end = degree[item + 1];
      Arrays.sort(scores, start, end); // ascending: rank r is at end - r
      double sum = 0;
      for (int rank = from; rank <= to && rank <= end - start; rank++) {
        sum += scores[end - rank];
      }
      background[item] = sum / (to - from + 1);
    }
    return background;
  }

  private static double maxOf(double best, double score) {
    return Double.isNaN(best) ? score : Math.max(best, score);
  }

  /**
   * The edges that stand above their items' backgrounds, re-scored by how far, in the order given.
   *
   * @param items how many items, ids {@code 0..items-1}
   * @param edges similarity edges, each pair at most once
   */
  public List<ScoredEdge> rescore(int items, List<ScoredEdge> edges) {
    double[] background = backgrounds(items, edges);
    List<ScoredEdge> rescored = new ArrayList<>();
    for (ScoredEdge edge : edges) {
      double above = edge.score() - (background[edge.a()] + background[edge.b()]) / 2;
      if (above > 0) {
        rescored.add(new ScoredEdge(edge.a(), edge.b(), above));
      }
    }
    return rescored;
  }
}
