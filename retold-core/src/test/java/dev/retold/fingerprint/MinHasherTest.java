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

  // One-permutation hashing with optimal densification (before: SuperMinHash via hash4j).
  private static final long PINNED_0 = 0xb5dbac16257a9cf5L;
  private static final long PINNED_1 = 0xa5457427da700f97L;
  private static final long PINNED_127 = 0xb3020fb1cb1666c7L;
  private static final int PINNED_HASH_CODE = -1051483976;

  @Test
  void pinsTheSignaturesOfALargerSet() {
    Random random = new Random(0x5EED);
    long[] set = new long[1000];
    for (int i = 0; i < set.length; i++) {
      set[i] = random.nextLong();
    }
    MinHashSignature signature = MinHasher.withDefaults().sign(set);
    assertThat(new long[] {signature.component(0), signature.component(127)})
        .containsExactly(0x000d6c19137b3110L, 0xfe0813d60f4f101fL);
    assertThat(Arrays.hashCode(signature.components())).isEqualTo(783940253);
    MinHashSignature odd = MinHasher.builder().numberOfComponents(100).seed(7).build().sign(set);
    assertThat(odd.component(0)).isEqualTo(0x012aecf8413c10a9L);
    assertThat(Arrays.hashCode(odd.components())).isEqualTo(586318575);
  }

  @Test
  void signsTheFirstCountHashesOfAnArray() {
    MinHasher hasher = MinHasher.withDefaults();
    long[] buffer = {5, 6, 7, 8, 99, 100};
    assertThat(hasher.sign(buffer, 4)).isEqualTo(hasher.sign(new long[] {8, 7, 6, 5}));
    assertThat(hasher.sign(buffer, 0)).isEqualTo(MinHashSignature.empty(128));
    assertThatThrownBy(() -> hasher.sign(buffer, 7)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void componentsNoShinglePickedCopyPickedOnes() {
    MinHasher hasher = MinHasher.withDefaults();
    MinHashSignature signature = hasher.sign(new long[] {11, 22, 33});
    long distinct = Arrays.stream(signature.components()).distinct().count();
    assertThat(distinct).isBetween(1L, 3L);
    assertThat(signature.components()).doesNotContain(MinHashSignature.EMPTY_COMPONENT);
    MinHashSignature single = hasher.sign(new long[] {11});
    assertThat(Arrays.stream(single.components()).distinct().count()).isEqualTo(1);
    assertThat(hasher.sign(new long[] {11, 22, 33}).estimateJaccard(signature)).isEqualTo(1.0);
  }

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
   * Over many random pairs of realistic sizes (50 to 2000 shingles) with Jaccard similarity spread
   * over [0, 1], each estimate is within four standard errors (plus one component) of the truth,
   * and the mean absolute error is within 20% of what an unbiased estimator with classic MinHash's
   * variance would have. A hasher that used only half its components, or correlated ones, fails the
   * second check.
   */
  @Test
  void estimatesJaccardWithinItsStatisticalBound() {
    Statistics statistics = estimate(new Random(0x5EED_7E57L), 50, 2000);
    assertThat(statistics.worstExcess()).isLessThanOrEqualTo(0);
    assertThat(statistics.meanAbsoluteError())
        .isLessThanOrEqualTo(1.2 * statistics.classicMeanAbsoluteError());
  }

  /**
   * Sets smaller than the number of components leave components empty, which copy others, so their
   * errors are correlated: for sets of 5 to 50 the mean absolute error is allowed 35% over classic
   * MinHash's (it is about 10% over), and the estimate must still be unbiased.
   */
  @Test
  void estimatesJaccardOfSmallSetsWithoutBias() {
    Statistics statistics = estimate(new Random(0x5A11L), 5, 50);
    assertThat(statistics.meanAbsoluteError())
        .isLessThanOrEqualTo(1.35 * statistics.classicMeanAbsoluteError());
    assertThat(Math.abs(statistics.meanError()))
        .isLessThanOrEqualTo(4 * statistics.standardErrorOfMeanError());
  }

  /** Errors of the default hasher's estimates over {@value #PAIRS} random pairs. */
  private static Statistics estimate(Random random, int minSize, int maxSize) {
    MinHasher hasher = MinHasher.withDefaults();
    int components = hasher.numberOfComponents();
    double[] errors = new double[PAIRS];
    double spreads = 0;
    double worstExcess = Double.NEGATIVE_INFINITY;
    for (int pair = 0; pair < PAIRS; pair++) {
      long[][] sets = randomPair(random, pair, minSize, maxSize);
      double jaccard = exactJaccard(sets[0], sets[1]);
      errors[pair] = hasher.sign(sets[0]).estimateJaccard(hasher.sign(sets[1])) - jaccard;
      double spread = Math.sqrt(jaccard * (1 - jaccard));
      double bound = 4 * spread / Math.sqrt(components) + 1.0 / components;
      worstExcess = Math.max(worstExcess, Math.abs(errors[pair]) - bound);
      spreads += spread;
    }
    double classic = Math.sqrt(2 / (Math.PI * components)) * spreads / PAIRS;
    return new Statistics(errors, classic, worstExcess);
  }

  /**
   * Estimate errors (estimate minus truth), and the mean absolute error an unbiased estimator with
   * classic MinHash's variance would have on the same pairs.
   */
  private record Statistics(double[] errors, double classicMeanAbsoluteError, double worstExcess) {
    double meanAbsoluteError() {
      return Arrays.stream(errors).map(Math::abs).average().orElseThrow();
    }

    double meanError() {
      return Arrays.stream(errors).average().orElseThrow();
    }

    double standardErrorOfMeanError() {
      double mean = meanError();
      double variance =
          Arrays.stream(errors).map(e -> (e - mean) * (e - mean)).sum() / (errors.length - 1);
      return Math.sqrt(variance / errors.length);
    }
  }

  /**
   * Two sets of {@code min} to {@code max} elements; pair 0 is disjoint and pair 1 identical, the
   * rest random.
   */
  private static long[][] randomPair(Random random, int pair, int min, int max) {
    while (true) {
      int sizeA = min + random.nextInt(max - min + 1);
      double target = pair == 0 ? 0 : pair == 1 ? 1 : random.nextDouble();
      int shared = (int) Math.round(sizeA * (target + (1 - target) * random.nextDouble()));
      int sizeB =
          target == 0 ? min + random.nextInt(max - min + 1) : (int) Math.round(shared / target);
      if (sizeB < min || sizeB > max || sizeB < shared) {
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
