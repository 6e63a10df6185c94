package dev.retold.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShingleOverlapTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        // a, b, shared, jaccard, a in b, b in a
        Arguments.of(new long[] {}, new long[] {}, 0, 0.0, 0.0, 0.0),
        Arguments.of(new long[] {1}, new long[] {}, 0, 0.0, 0.0, 0.0),
        Arguments.of(new long[] {1, 2, 3}, new long[] {1, 2, 3}, 3, 1.0, 1.0, 1.0),
        Arguments.of(new long[] {1, 2}, new long[] {1, 2, 3, 4}, 2, 0.5, 1.0, 0.5),
        Arguments.of(new long[] {-5, 1, 9}, new long[] {-5, 2, 9, 10}, 2, 0.4, 2.0 / 3, 0.5),
        Arguments.of(new long[] {1, 2}, new long[] {3, 4}, 0, 0.0, 0.0, 0.0));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void countsExactly(long[] a, long[] b, int shared, double jaccard, double aInB, double bInA) {
    ShingleOverlap overlap = ShingleOverlap.of(a, b);
    assertThat(overlap.shared()).isEqualTo(shared);
    assertThat(overlap.jaccard()).isCloseTo(jaccard, within(1e-12));
    assertThat(overlap.containmentAInB()).isCloseTo(aInB, within(1e-12));
    assertThat(overlap.containmentBInA()).isCloseTo(bInA, within(1e-12));
  }

  @Test
  void agreesWithSetArithmeticOnRandomSets() {
    Random random = new Random(42);
    for (int trial = 0; trial < 200; trial++) {
      long[] a = randomSet(random);
      long[] b = randomSet(random);
      Set<Long> setA = new HashSet<>();
      Arrays.stream(a).forEach(setA::add);
      long shared = Arrays.stream(b).filter(setA::contains).count();
      assertThat(ShingleOverlap.of(a, b).shared()).isEqualTo((int) shared);
    }
  }

  @Test
  void refusesUnsortedInput() {
    assertThatThrownBy(() -> ShingleOverlap.of(new long[] {2, 1}, new long[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sorted");
  }

  @Test
  void refusesImpossibleCounts() {
    assertThatThrownBy(() -> new ShingleOverlap(2, 3, 4))
        .hasMessageContaining("shared must be in [0, min(sizeA, sizeB)]: 4");
  }

  private static long[] randomSet(Random random) {
    return random.longs(random.nextInt(300), 0, 400).distinct().sorted().toArray();
  }
}
