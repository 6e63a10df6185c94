package dev.retold.evaluate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Map;

/**
 * How well a predicted clustering matches a gold one, by three common measures. Each item is an
 * article; a cluster is a story (predicted) or a labelled group (gold).
 *
 * <ul>
 *   <li><b>Pairwise</b>: over pairs of items. Precision is the share of the pairs put together by
 *       the prediction that are together in gold; recall the share of the pairs together in gold
 *       that the prediction puts together. Large clusters weigh heavily (a cluster of {@code k} has
 *       {@code k(k-1)/2} pairs).
 *   <li><b>BCubed</b> (Bagga and Baldwin, 1998): per item, precision is the share of its predicted
 *       cluster (itself included) that shares its gold cluster, and recall the share of its gold
 *       cluster that shares its predicted cluster; both are averaged over the items. Every item
 *       weighs the same.
 *   <li><b>Adjusted Rand index</b> (Hubert and Arabie, 1985): pair agreement corrected for chance:
 *       1 for identical clusterings, about 0 for a random one, negative for worse than chance
 *       (never below -1).
 * </ul>
 *
 * <p>Each F1 is the harmonic mean of its precision and recall, and 0 when both are 0.
 *
 * <p>Edge cases, chosen so that no score is ever NaN and a perfect prediction always scores 1:
 *
 * <ul>
 *   <li>A ratio over no pairs is 1: pairwise precision is 1 when the prediction puts no two items
 *       together (it claims nothing wrong), and pairwise recall is 1 when gold has no two items
 *       together (there is nothing to find). So all-singletons against a gold with groups scores
 *       precision 1, recall 0 and F1 0.
 *   <li>The adjusted Rand index is 1 when it is undefined, which happens only when both clusterings
 *       are all singletons, both are one cluster, or there are fewer than two items: in each case
 *       the two clusterings are the same. (This is also scikit-learn's convention.)
 *   <li>With no items at all, every score is 1.
 * </ul>
 *
 * @param pairwisePrecision pairs together in both / pairs together in the prediction, in [0, 1]
 * @param pairwiseRecall pairs together in both / pairs together in gold, in [0, 1]
 * @param pairwiseF1 the harmonic mean of the two, in [0, 1]
 * @param bcubedPrecision the mean over items of BCubed precision, in [0, 1]
 * @param bcubedRecall the mean over items of BCubed recall, in [0, 1]
 * @param bcubedF1 the harmonic mean of the two, in [0, 1]
 * @param adjustedRandIndex the adjusted Rand index, in [-1, 1]
 * @param items how many items were scored: the items of gold
 */
public record ClusteringScores(
    double pairwisePrecision,
    double pairwiseRecall,
    double pairwiseF1,
    double bcubedPrecision,
    double bcubedRecall,
    double bcubedF1,
    double adjustedRandIndex,
    int items) {

  private static final MathContext DIVISION = MathContext.DECIMAL64;

  /** Checks every score is in its range (NaN is in none) and {@code items} is not negative. */
  public ClusteringScores {
    unit("pairwisePrecision", pairwisePrecision);
    unit("pairwiseRecall", pairwiseRecall);
    unit("pairwiseF1", pairwiseF1);
    unit("bcubedPrecision", bcubedPrecision);
    unit("bcubedRecall", bcubedRecall);
    unit("bcubedF1", bcubedF1);
    if (!(adjustedRandIndex >= -1.0 && adjustedRandIndex <= 1.0)) {
      throw new IllegalArgumentException(
          "adjustedRandIndex must be in [-1, 1]: " + adjustedRandIndex);
    }
    if (items < 0) {
      throw new IllegalArgumentException("items must be >= 0: " + items);
    }
  }

  /**
   * Scores {@code predicted} against {@code gold}, over the items of {@code gold}. An item of gold
   * missing from {@code predicted} (or mapped to {@code null} there) counts as a predicted cluster
   * of its own; items only in {@code predicted} are ignored. Cluster names only matter for which
   * items share one: the names of the two maps need not correspond. Runs in time and memory linear
   * in the number of items.
   *
   * @param predicted item to predicted cluster (for Retold: article id to story id)
   * @param gold item to gold cluster, e.g. from {@link ClusterLabels}
   * @throws NullPointerException if a map is null or a gold item has no cluster
   */
  public static ClusteringScores of(Map<String, String> predicted, Map<String, String> gold) {
    Contingency table = Contingency.of(predicted, gold);
    int items = table.items();
    double pairwisePrecision = ratio(table.pairsInBoth(), table.pairsInPredicted());
    double pairwiseRecall = ratio(table.pairsInBoth(), table.pairsInGold());
    double bcubedPrecision = items == 0 ? 1.0 : table.bcubedPrecisionSum() / items;
    double bcubedRecall = items == 0 ? 1.0 : table.bcubedRecallSum() / items;
    return new ClusteringScores(
        pairwisePrecision,
        pairwiseRecall,
        f1(pairwisePrecision, pairwiseRecall),
        bcubedPrecision,
        bcubedRecall,
        f1(bcubedPrecision, bcubedRecall),
        adjustedRandIndex(table),
        items);
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? 1.0 : (double) part / whole;
  }

  private static double f1(double precision, double recall) {
    return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
  }

  /**
   * Hubert and Arabie's {@code (index - expected) / (max - expected)}, with index {@code both},
   * expected {@code predicted·gold/pairs} and max {@code (predicted + gold)/2}. Multiplied through
   * by {@code 2·pairs} it is {@code 2(pairs·both - predicted·gold) / (pairs(predicted + gold) -
   * 2·predicted·gold)}, computed exactly (the products overflow a long past about 80,000 items) and
   * rounded once.
   */
  private static double adjustedRandIndex(Contingency table) {
    BigInteger pairs = BigInteger.valueOf(table.pairs());
    BigInteger both = BigInteger.valueOf(table.pairsInBoth());
    BigInteger predicted = BigInteger.valueOf(table.pairsInPredicted());
    BigInteger gold = BigInteger.valueOf(table.pairsInGold());
    BigInteger twoPredictedGold = predicted.multiply(gold).shiftLeft(1);
    BigInteger numerator = pairs.multiply(both).shiftLeft(1).subtract(twoPredictedGold);
    BigInteger denominator = pairs.multiply(predicted.add(gold)).subtract(twoPredictedGold);
    if (denominator.signum() == 0) {
      return 1.0;
    }
    return new BigDecimal(numerator).divide(new BigDecimal(denominator), DIVISION).doubleValue();
  }

  private static void unit(String name, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new IllegalArgumentException(name + " must be in [0, 1]: " + value);
    }
  }
}
