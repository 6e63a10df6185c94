package dev.retold.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MinHashSignatureTest {

  static Stream<Arguments> estimates() {
    return Stream.of(
        Arguments.of(new long[] {1, 2, 3, 4}, new long[] {1, 2, 3, 4}, 1.0),
        Arguments.of(new long[] {1, 2, 3, 4}, new long[] {1, 2, 3, 5}, 0.75),
        Arguments.of(new long[] {1, 2, 3, 4}, new long[] {4, 3, 2, 1}, 0.0),
        Arguments.of(new long[] {-1, 0}, new long[] {-1, 1}, 0.5),
        Arguments.of(new long[] {7}, new long[] {7}, 1.0));
  }

  @ParameterizedTest
  @MethodSource("estimates")
  void estimatesJaccardAsTheShareOfEqualComponents(long[] a, long[] b, double expected) {
    assertThat(MinHashSignature.of(a).estimateJaccard(MinHashSignature.of(b))).isEqualTo(expected);
    assertThat(MinHashSignature.of(b).estimateJaccard(MinHashSignature.of(a))).isEqualTo(expected);
  }

  @Test
  void definesTheEmptyEdgeCases() {
    MinHashSignature empty = MinHashSignature.empty(4);
    assertThat(empty.isEmpty()).isTrue();
    assertThat(empty.component(3)).isEqualTo(MinHashSignature.EMPTY_COMPONENT);
    assertThat(empty.estimateJaccard(MinHashSignature.empty(4))).isEqualTo(1.0);
    assertThat(empty.estimateJaccard(MinHashSignature.of(1, 2, 3, Long.MAX_VALUE))).isEqualTo(0.0);
    assertThat(MinHashSignature.of(1, 2, 3, Long.MAX_VALUE).estimateJaccard(empty)).isEqualTo(0.0);
    assertThat(MinHashSignature.of(1, 2, 3, Long.MAX_VALUE).isEmpty()).isFalse();
  }

  @Test
  void refusesSignaturesOfDifferentSizes() {
    assertThatThrownBy(
            () -> MinHashSignature.of(1, 2).estimateJaccard(MinHashSignature.of(1, 2, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("signature sizes differ: 2 vs 3");
  }

  @Test
  void refusesSignaturesWithoutComponents() {
    assertThatThrownBy(MinHashSignature::of)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a signature needs at least one component: 0");
    assertThatThrownBy(() -> MinHashSignature.empty(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size must be > 0: 0");
  }

  @Test
  void copiesArraysInAndOut() {
    long[] components = {1, 2, 3};
    MinHashSignature signature = MinHashSignature.of(components);
    components[0] = 99;
    signature.components()[1] = 99;
    assertThat(signature.components()).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> signature.component(3)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void equalsByContent() {
    assertThat(MinHashSignature.of(1, 2, 3))
        .isEqualTo(MinHashSignature.of(1, 2, 3))
        .hasSameHashCodeAs(MinHashSignature.of(1, 2, 3))
        .isNotEqualTo(MinHashSignature.of(1, 2, 4))
        .isNotEqualTo(MinHashSignature.of(1, 2));
  }
}
