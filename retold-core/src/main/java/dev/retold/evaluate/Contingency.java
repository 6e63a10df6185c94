package dev.retold.evaluate;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The contingency table of a predicted and a gold clustering over the gold items, reduced to the
 * sums the scores need. Built in one pass over the items (O(n) time and memory), so that scoring a
 * million items never looks at their half a trillion pairs.
 *
 * <p>With {@code n(p, g)} the items in predicted cluster {@code p} and gold cluster {@code g},
 * {@code size(p)} and {@code size(g)} the cluster sizes over the gold items, and {@code C(k, 2)}
 * the pairs among {@code k} items:
 *
 * @param items the gold items
 * @param pairs {@code C(items, 2)}, every pair of items
 * @param pairsInBoth {@code Σ C(n(p, g), 2)}: pairs together in both clusterings
 * @param pairsInPredicted {@code Σ C(size(p), 2)}: pairs together in the predicted clustering
 * @param pairsInGold {@code Σ C(size(g), 2)}: pairs together in the gold clustering
 * @param bcubedPrecisionSum {@code Σ n(p, g)² / size(p)}: the sum over items of BCubed precision
 * @param bcubedRecallSum {@code Σ n(p, g)² / size(g)}: the sum over items of BCubed recall
 */
record Contingency(
    int items,
    long pairs,
    long pairsInBoth,
    long pairsInPredicted,
    long pairsInGold,
    double bcubedPrecisionSum,
    double bcubedRecallSum) {

  /**
   * Counts the table over the items of {@code gold}. An item missing from {@code predicted} (or
   * mapped to {@code null} there) is a predicted cluster of its own; items only in {@code
   * predicted} are ignored.
   *
   * @throws NullPointerException if a gold item has no cluster
   */
  static Contingency of(Map<String, String> predicted, Map<String, String> gold) {
    Objects.requireNonNull(predicted, "predicted");
    Objects.requireNonNull(gold, "gold");
    int items = gold.size();
    Map<String, Integer> predictedIds = new HashMap<>();
    Map<String, Integer> goldIds = new HashMap<>();
    int[] predictedSizes = new int[items];
    int[] goldSizes = new int[items];
    int predictedClusters = 0;
    int goldClusters = 0;
    Map<Long, int[]> cells = new HashMap<>();
    for (Map.Entry<String, String> item : gold.entrySet()) {
      String goldName =
          Objects.requireNonNull(item.getValue(), () -> "no gold cluster for " + item.getKey());
      Integer goldId = goldIds.get(goldName);
      if (goldId == null) {
        goldId = goldClusters++;
        goldIds.put(goldName, goldId);
      }
      String predictedName = predicted.get(item.getKey());
      Integer predictedId = predictedName == null ? null : predictedIds.get(predictedName);
      if (predictedId == null) {
        predictedId = predictedClusters++;
        if (predictedName != null) {
          predictedIds.put(predictedName, predictedId);
        }
      }
      predictedSizes[predictedId]++;
      goldSizes[goldId]++;
      cells.computeIfAbsent(((long) predictedId << 32) | goldId, key -> new int[1])[0]++;
    }
    long pairsInBoth = 0;
    double bcubedPrecisionSum = 0;
    double bcubedRecallSum = 0;
    for (Map.Entry<Long, int[]> cell : cells.entrySet()) {
      long count = cell.getValue()[0];
      int predictedId = (int) (cell.getKey() >>> 32);
      int goldId = (int) (long) cell.getKey();
      pairsInBoth += pairsAmong(count);
      bcubedPrecisionSum += (double) (count * count) / predictedSizes[predictedId];
      bcubedRecallSum += (double) (count * count) / goldSizes[goldId];
    }
    long pairsInPredicted = 0;
    for (int i = 0; i < predictedClusters; i++) {
      pairsInPredicted += pairsAmong(predictedSizes[i]);
    }
    long pairsInGold = 0;
    for (int i = 0; i < goldClusters; i++) {
      pairsInGold += pairsAmong(goldSizes[i]);
    }
    return new Contingency(
        items,
        pairsAmong(items),
        pairsInBoth,
        pairsInPredicted,
        pairsInGold,
        bcubedPrecisionSum,
        bcubedRecallSum);
  }

  private static long pairsAmong(long count) {
    return count * (count - 1) / 2;
  }
}
