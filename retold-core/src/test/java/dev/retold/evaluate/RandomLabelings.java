package dev.retold.evaluate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Small random clusterings for property tests: a gold one and a prediction that overlaps it. */
final class RandomLabelings {
  private RandomLabelings() {}

  /**
   * A gold clustering of up to {@code maxItems} items into up to {@code maxClusters} clusters, and
   * a prediction that leaves some gold items out and labels some items gold does not have.
   */
  static Map<String, Map<String, String>> draw(Random random, int maxItems, int maxClusters) {
    int items = random.nextInt(maxItems + 1);
    int goldClusters = 1 + random.nextInt(maxClusters);
    int predictedClusters = 1 + random.nextInt(maxClusters);
    Map<String, String> gold = new LinkedHashMap<>();
    Map<String, String> predicted = new LinkedHashMap<>();
    for (int i = 0; i < items; i++) {
      gold.put("item" + i, "g" + random.nextInt(goldClusters));
      if (random.nextInt(10) > 0) {
        predicted.put("item" + i, "p" + random.nextInt(predictedClusters));
      }
    }
    for (int i = 0; i < random.nextInt(3); i++) {
      predicted.put("extra" + i, "p" + random.nextInt(predictedClusters));
    }
    return Map.of("predicted", predicted, "gold", gold);
  }
}
