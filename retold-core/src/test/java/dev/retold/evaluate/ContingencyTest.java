package dev.retold.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContingencyTest {
  private static final int LABELINGS = 2_000;

  @Test
  void countsTheSamePairsAsLookingAtEveryPair() {
    Random random = new Random(20_240_601L);
    for (int run = 0; run < LABELINGS; run++) {
      Map<String, Map<String, String>> drawn = RandomLabelings.draw(random, 25, 6);
      Map<String, String> predicted = drawn.get("predicted");
      Map<String, String> gold = drawn.get("gold");

      Contingency table = Contingency.of(predicted, gold);

      List<String> items = new ArrayList<>(gold.keySet());
      long pairs = 0;
      long inBoth = 0;
      long inPredicted = 0;
      long inGold = 0;
      for (int i = 0; i < items.size(); i++) {
        for (int j = i + 1; j < items.size(); j++) {
          boolean samePredicted = samePredicted(predicted, items.get(i), items.get(j));
          boolean sameGold = gold.get(items.get(i)).equals(gold.get(items.get(j)));
          pairs++;
          inPredicted += samePredicted ? 1 : 0;
          inGold += sameGold ? 1 : 0;
          inBoth += samePredicted && sameGold ? 1 : 0;
        }
      }
      String labeling = "labeling " + run + ": " + drawn;
      assertThat(table.items()).as(labeling).isEqualTo(items.size());
      assertThat(table.pairs()).as(labeling).isEqualTo(pairs);
      assertThat(table.pairsInBoth()).as(labeling).isEqualTo(inBoth);
      assertThat(table.pairsInPredicted()).as(labeling).isEqualTo(inPredicted);
      assertThat(table.pairsInGold()).as(labeling).isEqualTo(inGold);
    }
  }

  @Test
  void sumsBcubedOverItemsAsLookingAtEveryItem() {
    Random random = new Random(7);
    for (int run = 0; run < LABELINGS; run++) {
      Map<String, Map<String, String>> drawn = RandomLabelings.draw(random, 25, 6);
      Map<String, String> predicted = drawn.get("predicted");
      Map<String, String> gold = drawn.get("gold");

      Contingency table = Contingency.of(predicted, gold);

      double precisionSum = 0;
      double recallSum = 0;
      for (String item : gold.keySet()) {
        int inPredicted = 0;
        int inGold = 0;
        int inBoth = 0;
        for (String other : gold.keySet()) {
          boolean samePredicted = samePredicted(predicted, item, other);
          boolean sameGold = gold.get(item).equals(gold.get(other));
          inPredicted += samePredicted ? 1 : 0;
          inGold += sameGold ? 1 : 0;
          inBoth += samePredicted && sameGold ? 1 : 0;
        }
        precisionSum += (double) inBoth / inPredicted;
        recallSum += (double) inBoth / inGold;
      }
      String labeling = "labeling " + run + ": " + drawn;
      assertThat(table.bcubedPrecisionSum()).as(labeling).isCloseTo(precisionSum, within(1e-9));
      assertThat(table.bcubedRecallSum()).as(labeling).isCloseTo(recallSum, within(1e-9));
    }
  }

  /** Whether two gold items share a predicted cluster; an item the prediction lacks shares none. */
  private static boolean samePredicted(Map<String, String> predicted, String item, String other) {
    if (item.equals(other)) {
      return true;
    }
    String cluster = predicted.get(item);
    return cluster != null && Objects.equals(cluster, predicted.get(other));
  }
}
