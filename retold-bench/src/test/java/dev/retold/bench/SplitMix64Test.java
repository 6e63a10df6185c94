package dev.retold.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SplitMix64Test {
  @Test
  void seedZeroGivesTheReferenceSequence() {
    // The published SplitMix64 outputs for seed 0: the corpus a seed gives depends on them.
    SplitMix64 random = new SplitMix64(0);
    assertThat(random.nextLong()).isEqualTo(0xe220a8397b1dcdafL);
    assertThat(random.nextLong()).isEqualTo(0x6e789e6aa1b965f4L);
    assertThat(random.nextLong()).isEqualTo(0x06c45d188009454fL);
  }

  @Test
  void partsOfOneSeedDiffer() {
    assertThat(SplitMix64.forPart(42, 0).nextLong())
        .isNotEqualTo(SplitMix64.forPart(42, 1).nextLong());
    assertThat(SplitMix64.forPart(42, 0).nextLong())
        .isNotEqualTo(SplitMix64.forPart(43, 0).nextLong());
    assertThat(SplitMix64.forPart(42, 7).nextLong())
        .isEqualTo(SplitMix64.forPart(42, 7).nextLong());
  }

  @ParameterizedTest
  @CsvSource({"1", "2", "3", "10", "1000", "2147483647"})
  void nextIntStaysBelowItsBound(int bound) {
    SplitMix64 random = new SplitMix64(bound);
    for (int i = 0; i < 10_000; i++) {
      assertThat(random.nextInt(bound)).isBetween(0, bound - 1);
    }
  }

  @Test
  void nextIntReachesBothEndsOfARangeEvenly() {
    SplitMix64 random = new SplitMix64(7);
    int[] counts = new int[4];
    for (int i = 0; i < 40_000; i++) {
      counts[random.nextInt(2, 5) - 2]++;
    }
    for (int count : counts) {
      assertThat(count).isBetween(9_500, 10_500);
    }
  }

  @Test
  void nextDoubleIsInTheUnitIntervalWithMeanOneHalf() {
    SplitMix64 random = new SplitMix64(11);
    double sum = 0;
    for (int i = 0; i < 100_000; i++) {
      double value = random.nextDouble();
      assertThat(value).isGreaterThanOrEqualTo(0).isLessThan(1);
      sum += value;
    }
    assertThat(sum / 100_000).isBetween(0.495, 0.505);
  }

  @Test
  void impossibleBoundsAreRefusedWithTheValue() {
    SplitMix64 random = new SplitMix64(1);
    assertThatThrownBy(() -> random.nextInt(0)).hasMessage("bound must be > 0: 0");
    assertThatThrownBy(() -> random.nextInt(5, 4)).hasMessage("max must be >= min: 4 < 5");
  }

  @Test
  void mixIsABijectionOnASample() {
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (long i = 0; i < 100_000; i++) {
      assertThat(seen.add(SplitMix64.mix(i))).isTrue();
    }
  }
}
