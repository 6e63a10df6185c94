package dev.retold.bench.signers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every signer the benchmarks time works: the right size, reproducible, and similarity-aware. */
class ShingleSignersTest {
  private static final String ORIGINAL =
      "The harbour authority said on Tuesday that the new container terminal would open in the"
          + " spring, two years later than planned. Officials blamed the delay on a shortage of"
          + " steel and on a dispute with the builders over the cost of dredging the channel. The"
          + " mayor told reporters that the city would still meet its target for shipping traffic"
          + " by the end of the decade, and that forty new jobs had already been created at the"
          + " site.";

  /** The original with one word changed. */
  private static final String NEAR_DUPLICATE = ORIGINAL.replace("shortage", "lack");

  private static final String UNRELATED =
      "A violinist from the national orchestra won the international competition in Vienna last"
          + " night, playing a sonata that the jury described as daring. She began lessons at the"
          + " age of four with her grandmother, who had taught music in a village school for"
          + " thirty years, and she plans to record her first album in the autumn.";

  static Stream<Arguments> signers() {
    return ShingleSigners.NAMES.stream()
        .flatMap(
            name ->
                Stream.of(3, 5)
                    .map(
                        size ->
                            Arguments.of(
                                name,
                                size,
                                name.equals(ShingleSigners.LUCENE_MINHASH)
                                    ? 512
                                    : ShingleSigners.COMPONENTS)));
  }

  @ParameterizedTest(name = "{0}, {1}-shingles: {2} components")
  @MethodSource("signers")
  void signsWithTheExpectedNumberOfComponents(String name, int shingleSize, int components) {
    ShingleSigner signer = ShingleSigners.named(name, shingleSize);
    assertThat(signer.name()).isEqualTo(name);
    assertThat(signer.shingleSize()).isEqualTo(shingleSize);
    assertThat(signer.description()).isNotBlank();
    assertThat(signer.sign(ORIGINAL)).hasSize(components);
  }

  @ParameterizedTest(name = "{0}, {1}-shingles")
  @MethodSource("signers")
  void aNewInstanceGivesTheSameSignature(String name, int shingleSize, int components) {
    ShingleSigner signer = ShingleSigners.named(name, shingleSize);
    long[] first = signer.sign(ORIGINAL);
    signer.sign(UNRELATED); // state left from another text must not leak into the next
    assertThat(signer.sign(ORIGINAL)).isEqualTo(first);
    assertThat(ShingleSigners.named(name, shingleSize).sign(ORIGINAL)).isEqualTo(first);
  }

  @ParameterizedTest(name = "{0}, {1}-shingles")
  @MethodSource("signers")
  void aNearDuplicateAgreesFarMoreThanAnUnrelatedText(
      String name, int shingleSize, int components) {
    ShingleSigner signer = ShingleSigners.named(name, shingleSize);
    long[] original = signer.sign(ORIGINAL);
    assertThat(agreement(original, signer.sign(NEAR_DUPLICATE))).isGreaterThan(0.6);
    assertThat(agreement(original, signer.sign(UNRELATED))).isLessThan(0.1);
  }

  @Test
  void refusesAnUnknownNameOrAShingleSizeLuceneCannotMake() {
    assertThatThrownBy(() -> ShingleSigners.named("simhash", 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("simhash");
    assertThatThrownBy(() -> ShingleSigners.named(ShingleSigners.RETOLD, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shingleSize must be >= 2: 1");
  }

  /** The fraction of components two signatures share. */
  static double agreement(long[] left, long[] right) {
    assertThat(left).hasSameSizeAs(right);
    int equal = 0;
    for (int i = 0; i < left.length; i++) {
      equal += left[i] == right[i] ? 1 : 0;
    }
    return equal / (double) left.length;
  }
}
