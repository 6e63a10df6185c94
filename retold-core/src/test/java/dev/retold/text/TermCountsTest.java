package dev.retold.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link TermCounts#of} against the sort-and-binary-search summing it replaced ({@link
 * ReferenceStoryTermWeigher#sum}): the same terms and the same sums, bit for bit, for well-mixed
 * hashes and for terms that crowd into few buckets.
 */
class TermCountsTest {

  @Test
  void sumsEqualTermsInIncreasingOrder() {
    TermCounts counts =
        TermCounts.of(new long[] {5, -3, 5, 9, -3, 5}, new double[] {1, 2, 3, 4, 5, 6});
    assertThat(terms(counts)).containsExactly(-3, 5, 9);
    assertThat(weights(counts)).containsExactly(7.0, 10.0, 4.0);
  }

  @Test
  void noTermsGiveEmptyCounts() {
    assertThat(TermCounts.of(new long[0], new double[0]).size()).isZero();
  }

  @Test
  void refusesBadWeights() {
    assertThatThrownBy(() -> TermCounts.of(new long[] {1, 2}, new double[] {1.0, 0.0}))
        .hasMessage("weights must be > 0: 0.0");
    assertThatThrownBy(() -> TermCounts.of(new long[] {1}, new double[] {Double.NaN}))
        .hasMessage("weights must be > 0: NaN");
    assertThatThrownBy(() -> TermCounts.of(new long[] {1}, new double[] {1.0, 2.0}))
        .hasMessage("terms and weights differ in length: 1 vs 2");
  }

  @Test
  void randomHashesSumAsBefore() {
    SplittableRandom random = new SplittableRandom(0x7E5C0L);
    for (int round = 0; round < 3_000; round++) {
      long[] vocabulary = random.longs(1 + random.nextInt(400)).toArray();
      int size = random.nextInt(1_000);
      long[] terms = new long[size];
      for (int i = 0; i < size; i++) {
        terms[i] = vocabulary[random.nextInt(vocabulary.length)];
      }
      assertSameAsReference(terms, inexactWeights(random, size));
    }
  }

  @Test
  void crowdedTermsSumAsBefore() {
    SplittableRandom random = new SplittableRandom(0xC40DL);
    for (int round = 0; round < 300; round++) {
      int size = 1 + random.nextInt(2_000);
      long[] terms = new long[size];
      for (int i = 0; i < size; i++) {
        switch (round % 4) {
          case 0 -> terms[i] = random.nextInt(50); // small numbers, in one bucket
          case 1 -> terms[i] = size - i; // descending: every one moves past all before it
          case 2 -> terms[i] = (random.nextLong() >>> 20) | (1L << 62); // shared top bits
          default -> terms[i] = i % 7 == 0 ? random.nextLong() : Long.MIN_VALUE + i % 3;
        }
      }
      assertSameAsReference(terms, inexactWeights(random, size));
    }
  }

  /** Weights whose sums depend on the order they are added in. */
  private static double[] inexactWeights(SplittableRandom random, int size) {
    double[] weights = new double[size];
    for (int i = 0; i < size; i++) {
      weights[i] = random.nextInt(4) == 0 ? 0.1 + random.nextDouble() * 3 : 1 + random.nextInt(6);
    }
    return weights;
  }

  private static void assertSameAsReference(long[] terms, double[] weights) {
    TermCounts counts = TermCounts.of(terms.clone(), weights.clone());
    ReferenceStoryTermWeigher.Counts expected = ReferenceStoryTermWeigher.sum(terms, weights);
    assertThat(terms(counts)).isEqualTo(expected.terms());
    assertThat(Arrays.stream(weights(counts)).mapToLong(Double::doubleToRawLongBits).toArray())
        .isEqualTo(
            Arrays.stream(expected.weights()).mapToLong(Double::doubleToRawLongBits).toArray());
  }

  private static long[] terms(TermCounts counts) {
    long[] terms = new long[counts.size()];
    Arrays.setAll(terms, counts::term);
    return terms;
  }

  private static double[] weights(TermCounts counts) {
    double[] weights = new double[counts.size()];
    Arrays.setAll(weights, counts::weight);
    return weights;
  }
}
