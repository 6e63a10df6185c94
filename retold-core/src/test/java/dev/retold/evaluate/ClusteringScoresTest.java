package dev.retold.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClusteringScoresTest {
  private static final double EXACT = 1e-12;

  /**
   * Clusterings written as one letter per item in item order, {@code "aab"}: items 0 and 1
   * together, item 2 apart. A {@code .} in the prediction leaves that item out of it.
   */
  static Stream<Arguments> knownValues() {
    return Stream.of(
        // predicted, gold, pairwise P, R, F1, BCubed P, R, F1, ARI
        // One predicted pair, one gold pair, not the same: worse than chance.
        Arguments.of("aab", "xyy", 0.0, 0.0, 0.0, 2.0 / 3, 2.0 / 3, 2.0 / 3, -1.0 / 2),
        // Pairs: predicted ab ac bc de, gold ab cd ce de, both ab de. ARI 2(15·2 - 16)/(15·8 - 32).
        Arguments.of(
            "aaabbc", "xxyyyz", 1.0 / 2, 1.0 / 2, 1.0 / 2, 7.0 / 9, 7.0 / 9, 7.0 / 9, 7.0 / 22),
        // Pairs: 12 predicted, 12 gold, 5 both (ab de ghi); BCubed (10/3 + 10/4) / 10.
        Arguments.of(
            "aaabbbcccc",
            "xxyyyzzzzx",
            5.0 / 12,
            5.0 / 12,
            5.0 / 12,
            7.0 / 12,
            7.0 / 12,
            7.0 / 12,
            9.0 / 44),
        // Merging two gold groups: every gold pair found, a third of the claimed pairs right.
        Arguments.of("aaaa", "xxyy", 1.0 / 3, 1.0, 1.0 / 2, 1.0 / 2, 1.0, 2.0 / 3, 0.0),
        // Splitting one gold group in two.
        Arguments.of("aabb", "xxxx", 1.0, 1.0 / 3, 1.0 / 2, 1.0, 1.0 / 2, 2.0 / 3, 0.0),
        // All singletons against one group: no pairs claimed, so precision 1 and recall 0.
        Arguments.of("abcd", "xxxx", 1.0, 0.0, 0.0, 1.0, 1.0 / 4, 2.0 / 5, 0.0),
        // One cluster against all singletons: no gold pairs, so recall 1.
        Arguments.of("aaaa", "wxyz", 0.0, 1.0, 0.0, 1.0 / 4, 1.0, 2.0 / 5, 0.0),
        // An item the prediction lacks is a singleton.
        Arguments.of("a.", "xx", 1.0, 0.0, 0.0, 1.0, 1.0 / 2, 2.0 / 3, 0.0),
        Arguments.of("..", "xx", 1.0, 0.0, 0.0, 1.0, 1.0 / 2, 2.0 / 3, 0.0),
        Arguments.of("aa.", "xxx", 1.0, 1.0 / 3, 1.0 / 2, 1.0, 5.0 / 9, 5.0 / 7, 0.0),
        // Perfect, whatever the names.
        Arguments.of("aab", "yyx", 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Arguments.of("aabbbc", "xxyyyz", 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        // Both all singletons, both one cluster, one item: the same clustering, ARI 1 by
        // convention.
        Arguments.of("abc", "xyz", 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Arguments.of("...", "xyz", 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Arguments.of("aaa", "xxx", 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Arguments.of("a", "x", 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        Arguments.of(".", "x", 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
        // No items: nothing to get wrong.
        Arguments.of("", "", 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0));
  }

  @ParameterizedTest(name = "{0} against {1}")
  @MethodSource("knownValues")
  void scoresKnownValues(
      String predicted,
      String gold,
      double pairwisePrecision,
      double pairwiseRecall,
      double pairwiseF1,
      double bcubedPrecision,
      double bcubedRecall,
      double bcubedF1,
      double adjustedRandIndex) {
    ClusteringScores scores = ClusteringScores.of(labels(predicted), labels(gold));

    assertThat(scores.pairwisePrecision()).isCloseTo(pairwisePrecision, within(EXACT));
    assertThat(scores.pairwiseRecall()).isCloseTo(pairwiseRecall, within(EXACT));
    assertThat(scores.pairwiseF1()).isCloseTo(pairwiseF1, within(EXACT));
    assertThat(scores.bcubedPrecision()).isCloseTo(bcubedPrecision, within(EXACT));
    assertThat(scores.bcubedRecall()).isCloseTo(bcubedRecall, within(EXACT));
    assertThat(scores.bcubedF1()).isCloseTo(bcubedF1, within(EXACT));
    assertThat(scores.adjustedRandIndex()).isCloseTo(adjustedRandIndex, within(EXACT));
    assertThat(scores.items()).isEqualTo(gold.length());
  }

  @Test
  void ignoresItemsOnlyInThePrediction() {
    Map<String, String> gold = Map.of("a", "x", "b", "x", "c", "y");
    Map<String, String> predicted = Map.of("a", "1", "b", "1", "c", "2", "d", "1", "e", "2");
    ClusteringScores scores = ClusteringScores.of(predicted, gold);
    assertThat(scores).isEqualTo(new ClusteringScores(1, 1, 1, 1, 1, 1, 1, 3));
  }

  @Test
  void anItemMissingFromThePredictionJoinsNoNamedCluster() {
    // b is missing: it must not land in a cluster named like the singletons' internal ids.
    Map<String, String> predicted = new HashMap<>(Map.of("a", "0", "c", "1"));
    predicted.put("d", null);
    Map<String, String> gold = Map.of("a", "x", "b", "x", "c", "x", "d", "x");
    ClusteringScores scores = ClusteringScores.of(predicted, gold);
    assertThat(scores.pairwisePrecision()).isEqualTo(1.0);
    assertThat(scores.pairwiseRecall()).isEqualTo(0.0);
    assertThat(scores.bcubedRecall()).isEqualTo(1.0 / 4);
  }

  @Test
  void scoresLikeLookingAtEveryPairAndEveryItem() {
    Random random = new Random(0x5EED);
    for (int run = 0; run < 2_000; run++) {
      Map<String, Map<String, String>> drawn = RandomLabelings.draw(random, 25, 6);
      Map<String, String> predicted = drawn.get("predicted");
      Map<String, String> gold = drawn.get("gold");

      ClusteringScores scores = ClusteringScores.of(predicted, gold);
      ClusteringScores expected = bruteForce(predicted, gold);

      String labeling = "labeling " + run + ": " + drawn;
      assertThat(scores.items()).as(labeling).isEqualTo(expected.items());
      assertThat(scores.pairwisePrecision())
          .as(labeling)
          .isCloseTo(expected.pairwisePrecision(), within(EXACT));
      assertThat(scores.pairwiseRecall())
          .as(labeling)
          .isCloseTo(expected.pairwiseRecall(), within(EXACT));
      assertThat(scores.bcubedPrecision())
          .as(labeling)
          .isCloseTo(expected.bcubedPrecision(), within(EXACT));
      assertThat(scores.bcubedRecall())
          .as(labeling)
          .isCloseTo(expected.bcubedRecall(), within(EXACT));
      assertThat(scores.adjustedRandIndex())
          .as(labeling)
          .isCloseTo(expected.adjustedRandIndex(), within(EXACT));
    }
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void scoresAMillionItemsWithoutLookingAtPairs() {
    int items = 1_000_000;
    Map<String, String> gold = new HashMap<>();
    Map<String, String> predicted = new HashMap<>();
    for (int i = 0; i < items; i++) {
      gold.put("item" + i, "g" + i / 100);
      predicted.put("item" + i, "p" + i / 50); // each gold cluster split in two halves
    }
    ClusteringScores scores = ClusteringScores.of(predicted, gold);
    assertThat(scores.items()).isEqualTo(items);
    assertThat(scores.pairwisePrecision()).isEqualTo(1.0);
    // Each cluster of 100 keeps 2·C(50, 2) = 2450 of its C(100, 2) = 4950 pairs.
    assertThat(scores.pairwiseRecall()).isCloseTo(2450.0 / 4950, within(EXACT));
    assertThat(scores.bcubedRecall()).isCloseTo(1.0 / 2, within(EXACT));
    // 2(T·tp - A·B) / (T(A + B) - 2A·B) with T = C(10^6, 2), tp = A = 24,500,000, B = 49,500,000:
    // exactly 2828/4271 (checked with Python's fractions), far past where longs would overflow.
    assertThat(scores.adjustedRandIndex()).isCloseTo(2828.0 / 4271, within(EXACT));
  }

  @Test
  void refusesAGoldItemWithoutACluster() {
    Map<String, String> gold = new HashMap<>();
    gold.put("a", null);
    assertThatThrownBy(() -> ClusteringScores.of(Map.of(), gold))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("no gold cluster for a");
  }

  static Stream<Arguments> outOfRange() {
    return Stream.of(
        Arguments.of(
            new double[] {1.5, 1, 1, 1, 1, 1, 1}, "pairwisePrecision must be in [0, 1]: 1.5"),
        Arguments.of(
            new double[] {1, -0.1, 1, 1, 1, 1, 1}, "pairwiseRecall must be in [0, 1]: -0.1"),
        Arguments.of(
            new double[] {1, 1, Double.NaN, 1, 1, 1, 1}, "pairwiseF1 must be in [0, 1]: NaN"),
        Arguments.of(new double[] {1, 1, 1, 2, 1, 1, 1}, "bcubedPrecision must be in [0, 1]: 2.0"),
        Arguments.of(new double[] {1, 1, 1, 1, 2, 1, 1}, "bcubedRecall must be in [0, 1]: 2.0"),
        Arguments.of(new double[] {1, 1, 1, 1, 1, 2, 1}, "bcubedF1 must be in [0, 1]: 2.0"),
        Arguments.of(
            new double[] {1, 1, 1, 1, 1, 1, -1.5}, "adjustedRandIndex must be in [-1, 1]: -1.5"));
  }

  @ParameterizedTest
  @MethodSource("outOfRange")
  void refusesScoresOutOfRange(double[] values, String message) {
    assertThatThrownBy(
            () ->
                new ClusteringScores(
                    values[0], values[1], values[2], values[3], values[4], values[5], values[6], 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void refusesANegativeItemCount() {
    assertThatThrownBy(() -> new ClusteringScores(1, 1, 1, 1, 1, 1, 1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("items must be >= 0: -1");
  }

  /** Item {@code i} of {@code letters} is {@code "item" + i}, in cluster {@code letters[i]}. */
  private static Map<String, String> labels(String letters) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < letters.length(); i++) {
      if (letters.charAt(i) != '.') {
        labels.put("item" + i, String.valueOf(letters.charAt(i)));
      }
    }
    return labels;
  }

  /**
   * The scores from their definitions over every pair and item; the adjusted Rand index through the
   * pair-counting form {@code 2(tp·tn - fn·fp) / ((tp + fn)(fn + tn) + (tp + fp)(fp + tn))}, not
   * the contingency form the code uses.
   */
  private static ClusteringScores bruteForce(
      Map<String, String> predicted, Map<String, String> gold) {
    List<String> items = new ArrayList<>(gold.keySet());
    double truePositives = 0;
    double falsePositives = 0;
    double falseNegatives = 0;
    double trueNegatives = 0;
    for (int i = 0; i < items.size(); i++) {
      for (int j = i + 1; j < items.size(); j++) {
        boolean samePredicted = samePredicted(predicted, items.get(i), items.get(j));
        boolean sameGold = gold.get(items.get(i)).equals(gold.get(items.get(j)));
        truePositives += samePredicted && sameGold ? 1 : 0;
        falsePositives += samePredicted && !sameGold ? 1 : 0;
        falseNegatives += !samePredicted && sameGold ? 1 : 0;
        trueNegatives += !samePredicted && !sameGold ? 1 : 0;
      }
    }
    double precisionSum = 0;
    double recallSum = 0;
    for (String item : items) {
      int inPredicted = 0;
      int inGold = 0;
      int inBoth = 0;
      for (String other : items) {
        boolean samePredicted = samePredicted(predicted, item, other);
        boolean sameGold = gold.get(item).equals(gold.get(other));
        inPredicted += samePredicted ? 1 : 0;
        inGold += sameGold ? 1 : 0;
        inBoth += samePredicted && sameGold ? 1 : 0;
      }
      precisionSum += (double) inBoth / inPredicted;
      recallSum += (double) inBoth / inGold;
    }
    double claimed = truePositives + falsePositives;
    double real = truePositives + falseNegatives;
    double denominator =
        (truePositives + falseNegatives) * (falseNegatives + trueNegatives)
            + (truePositives + falsePositives) * (falsePositives + trueNegatives);
    double ari =
        denominator == 0
            ? 1.0
            : 2 * (truePositives * trueNegatives - falseNegatives * falsePositives) / denominator;
    return new ClusteringScores(
        claimed == 0 ? 1.0 : truePositives / claimed,
        real == 0 ? 1.0 : truePositives / real,
        0,
        items.isEmpty() ? 1.0 : precisionSum / items.size(),
        items.isEmpty() ? 1.0 : recallSum / items.size(),
        0,
        ari,
        items.size());
  }

  private static boolean samePredicted(Map<String, String> predicted, String item, String other) {
    if (item.equals(other)) {
      return true;
    }
    String cluster = predicted.get(item);
    return cluster != null && cluster.equals(predicted.get(other));
  }
}
