package dev.retold.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MinHasherTest {
  private static final int PAIRS = 300;

  @Test
  void pinsTheSignatureOfAKnownSet() {
    MinHashSignature signature = MinHasher.withDefaults().sign(new long[] {1, 2, 3, 42, -7});
    assertThat(signature.size()).isEqualTo(128);
    assertThat(
            new long[] {signature.component(0), signature.component(1), signature.component(127)})
        .containsExactly(PINNED_0, PINNED_1, PINNED_127);
    assertThat(Arrays.hashCode(signature.components())).isEqualTo(PINNED_HASH_CODE);
  }

  private static final long PINNED_0 = 0x10874700f9b8c75cL;
  private static final long PINNED_1 = 0xb7d849b320a6da74L;
  private static final long PINNED_127 = 0x1a0f00dfa834ca9fL;
  private static final int PINNED_HASH_CODE = -147922303;

  @Test
  void dependsOnTheSetOnly() {
    MinHasher hasher = MinHasher.withDefaults();
    MinHashSignature sorted = hasher.sign(new long[] {-5, 1, 2, 3, 99});
    assertThat(hasher.sign(new long[] {3, 99, -5, 2, 1})).isEqualTo(sorted);
    assertThat(hasher.sign(new long[] {3, 3, 99, -5, 2, 1, 1})).isEqualTo(sorted);
    assertThat(sorted.estimateJaccard(hasher.sign(new long[] {99, 3, 2, 1, -5}))).isEqualTo(1.0);
    assertThat(sorted.isEmpty()).isFalse();
  }

  @Test
  void signsTheEmptySetWithTheEmptySignature() {
    MinHasher hasher = MinHasher.builder().numberOfComponents(16).build();
    MinHashSignature empty = hasher.sign(new long[0]);
    assertThat(empty).isEqualTo(MinHashSignature.empty(16));
    assertThat(empty.isEmpty()).isTrue();
    assertThat(empty.estimateJaccard(hasher.sign(new long[] {1}))).isEqualTo(0.0);
  }

  @Test
  void differentSeedsGiveIndependentSignatures() {
    long[] set = randomSet(new Random(1), 500);
    MinHashSignature first = MinHasher.builder().seed(1).build().sign(set);
    MinHashSignature second = MinHasher.builder().seed(2).build().sign(set);
    assertThat(first.estimateJaccard(second)).isLessThan(0.05);
    assertThat(MinHasher.builder().seed(1).build().sign(set)).isEqualTo(first);
  }

  @Test
  void hasTheDocumentedDefaults() {
    MinHasher hasher = MinHasher.withDefaults();
    assertThat(hasher.numberOfComponents()).isEqualTo(128);
    assertThat(hasher.seed()).isEqualTo(0x5EEDL);
    assertThat(MinHasher.builder().numberOfComponents(7).build().sign(new long[] {1}).size())
        .isEqualTo(7);
  }

  static Stream<Arguments> badComponentCounts() {
    return Stream.of(Arguments.of(0), Arguments.of(-1), Arguments.of(65_537));
  }

  @ParameterizedTest
  @MethodSource("badComponentCounts")
  void refusesImpossibleComponentCounts(int components) {
    assertThatThrownBy(() -> MinHasher.builder().numberOfComponents(components))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("numberOfComponents must be in [1, 65536]: " + components);
  }

  /**
   * Over many random pairs with Jaccard similarity spread over [0, 1], each estimate is within four
   * standard errors (plus one component) of the truth, and the mean absolute error is within 20% of
   * what an unbiased estimator with classic MinHash's variance would have. A hasher that used only
   * half its components, or correlated ones, fails the second check.
   */
  @Test
  void estimatesJaccardWithinItsStatisticalBound() {
    Random random = new Random(0x5EED_7E57L);
    MinHasher hasher = MinHasher.withDefaults();
    int components = hasher.numberOfComponents();
    double absoluteErrors = 0;
    double standardErrors = 0;
    for (int pair = 0; pair < PAIRS; pair++) {
      long[][] sets = randomPair(random, pair);
      double jaccard = exactJaccard(sets[0], sets[1]);
      double estimate = hasher.sign(sets[0]).estimateJaccard(hasher.sign(sets[1]));
      double spread = Math.sqrt(jaccard * (1 - jaccard));
      assertThat(Math.abs(estimate - jaccard))
          .as("pair %d of sizes %d, %d, J=%.4f", pair, sets[0].length, sets[1].length, jaccard)
          .isLessThanOrEqualTo(4 * spread / Math.sqrt(components) + 1.0 / components);
      absoluteErrors += Math.abs(estimate - jaccard);
      standardErrors += spread;
    }
    double meanAbsoluteError = absoluteErrors / PAIRS;
    double expected = Math.sqrt(2 / (Math.PI * components)) * standardErrors / PAIRS;
    assertThat(meanAbsoluteError).isLessThanOrEqualTo(1.2 * expected);
  }

  /** Two sets of 50 to 2000 elements; pair 0 is disjoint and pair 1 identical, the rest random. */
  private static long[][] randomPair(Random random, int pair) {
    while (true) {
      int sizeA = 50 + random.nextInt(1951);
      double target = pair == 0 ? 0 : pair == 1 ? 1 : random.nextDouble();
      int shared = (int) Math.round(sizeA * (target + (1 - target) * random.nextDouble()));
      int sizeB = target == 0 ? 50 + random.nextInt(1951) : (int) Math.round(shared / target);
      if (sizeB < 50 || sizeB > 2000 || sizeB < shared) {
        continue;
      }
      long[] common = randomSet(random, shared);
      long[] a = concat(common, randomSet(random, sizeA - shared));
      long[] b = concat(common, randomSet(random, sizeB - shared));
      return new long[][] {a, b};
    }
  }

  private static long[] randomSet(Random random, int size) {
    Set<Long> set = new LinkedHashSet<>();
    while (set.size() < size) {
      set.add(random.nextLong());
    }
    return set.stream().mapToLong(Long::longValue).toArray();
  }

  private static long[] concat(long[] first, long[] second) {
    long[] all = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  private static double exactJaccard(long[] a, long[] b) {
    Set<Long> union = new LinkedHashSet<>();
    Arrays.stream(a).forEach(union::add);
    Arrays.stream(b).forEach(union::add);
    int shared = a.length + b.length - union.size();
    return shared / (double) union.size();
  }
}
